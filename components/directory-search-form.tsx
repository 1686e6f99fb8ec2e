import Link from "next/link";
import type { Choice, DirectoryChoices } from "@/lib/data/directory";
import { MAX_QUERY_LENGTH, type DirectoryParams } from "@/lib/validation/directory";

const fieldClass = "mt-1 block w-full rounded border border-stone-400 bg-white px-3 py-2";

function SelectField({
  name,
  label,
  value,
  anyLabel,
  choices,
  describedBy,
}: {
  name: string;
  label: string;
  value: string | number | undefined;
  /** The first option, "not filtered"; omitted when the field always has a value. */
  anyLabel?: string;
  choices: Choice<string | number>[];
  describedBy?: string;
}) {
  const id = `directory-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={value === undefined ? "" : String(value)}
        aria-describedby={describedBy}
        className={fieldClass}
      >
        {anyLabel ? <option value="">{anyLabel}</option> : null}
        {choices.map((choice) => (
          <option key={choice.value} value={String(choice.value)}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const statusChoices: Choice[] = [
  { value: "all", label: "Everyone" },
  { value: "imprisoned", label: "Imprisoned now" },
  { value: "released", label: "No longer imprisoned" },
];

const genderChoices: Choice[] = [
  { value: "FEMALE", label: "Female" },
  { value: "MALE", label: "Male" },
  { value: "OTHER", label: "Other" },
  { value: "UNSPECIFIED", label: "Not recorded" },
];

const sortChoices: Choice[] = [
  { value: "name", label: "Name (A to Z)" },
  { value: "arrested", label: "Arrest date (newest first)" },
];

/**
 * The directory's search: a plain GET form, so every state is an address that can be shared,
 * and it works before (or without) any script. Submitting starts again from page 1.
 */
export function DirectorySearchForm({ params, choices }: { params: DirectoryParams; choices: DirectoryChoices }) {
  return (
    <form
      method="get"
      action="/prisoners"
      role="search"
      aria-label="Search and filter prisoners"
      className="rounded-lg border border-stone-300 bg-white p-4"
    >
      <div>
        <label htmlFor="directory-q" className="block text-sm font-medium">
          Name
        </label>
        <input
          id="directory-q"
          name="q"
          type="search"
          defaultValue={params.q}
          maxLength={MAX_QUERY_LENGTH}
          autoComplete="off"
          spellCheck={false}
          aria-describedby="directory-q-hint"
          className={fieldClass}
        />
        <p id="directory-q-hint" className="mt-1 text-sm text-muted">
          Any spelling we record: Latin or Cyrillic, with or without diacritics (Ismayilova,
          İsmayılova, Исмаилова).
        </p>
      </div>

      <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <SelectField
          name="status"
          label="Status"
          value={params.status}
          choices={statusChoices}
          describedBy="directory-status-hint"
        />
        <SelectField name="category" label="Category" value={params.category} anyLabel="Any category" choices={choices.categories} />
        <SelectField name="facility" label="Held at now" value={params.facility} anyLabel="Any place" choices={choices.facilities} />
        <SelectField name="court" label="Court (any hearing)" value={params.court} anyLabel="Any court" choices={choices.courts} />
        <SelectField name="article" label="Charge" value={params.article} anyLabel="Any charge" choices={choices.articles} />
        <SelectField name="gender" label="Gender" value={params.gender} anyLabel="Any" choices={genderChoices} />
        <SelectField name="year" label="Year of arrest" value={params.year} anyLabel="Any year" choices={choices.years} />
        <SelectField name="sort" label="Sort by" value={params.sort} choices={sortChoices} />
      </div>
      <p id="directory-status-hint" className="mt-3 max-w-prose text-sm text-muted">
        “Imprisoned now” means held in a prison or detention centre today, by the same rule as
        the count on the home page. “No longer imprisoned” means a custody record but not held
        today: released, under house arrest, or died in custody.
      </p>

      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded bg-accent px-4 py-2 font-semibold text-white hover:bg-rose-900">
          Search
        </button>
        <Link href="/prisoners" className="underline underline-offset-4">
          Clear search and filters
        </Link>
      </div>
    </form>
  );
}
