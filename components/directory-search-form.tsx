import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { localizedPath } from "@/lib/i18n/alternates";
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

/**
 * The directory's search: a plain GET form, so every state is an address that can be shared,
 * and it works before (or without) any script. Submitting starts again from page 1.
 */
export function DirectorySearchForm({ params, choices }: { params: DirectoryParams; choices: DirectoryChoices }) {
  const t = useTranslations("directory");
  const locale = useLocale();
  const gender = useTranslations("enums.gender");
  const statusChoices: Choice[] = [
    { value: "all", label: t("statusAll") },
    { value: "imprisoned", label: t("statusImprisoned") },
    { value: "released", label: t("statusReleased") },
  ];
  const genderChoices: Choice[] = (["FEMALE", "MALE", "OTHER", "UNSPECIFIED"] as const).map((value) => ({
    value,
    label: gender(value),
  }));
  const sortChoices: Choice[] = [
    { value: "name", label: t("sortName") },
    { value: "arrested", label: t("sortArrested") },
  ];
  // The data layer words a charge "Article 147.1: …"; the article's own title stays as recorded.
  const articleChoices = choices.articles.map((choice) => ({
    ...choice,
    label: choice.label.replace(/^Article /, `${t("articleWord")} `),
  }));
  // The form submits to this language's directory, so results stay in the reader's language.
  const action = localizedPath(locale, "/prisoners");
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label={t("searchLabel")}
      className="rounded-lg border border-stone-300 bg-white p-4"
    >
      <div>
        <label htmlFor="directory-q" className="block text-sm font-medium">
          {t("name")}
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
          {t("nameHint")}
        </p>
      </div>

      <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <SelectField
          name="status"
          label={t("status")}
          value={params.status}
          choices={statusChoices}
          describedBy="directory-status-hint"
        />
        <SelectField name="category" label={t("category")} value={params.category} anyLabel={t("anyCategory")} choices={choices.categories} />
        <SelectField name="facility" label={t("facility")} value={params.facility} anyLabel={t("anyFacility")} choices={choices.facilities} />
        <SelectField name="court" label={t("court")} value={params.court} anyLabel={t("anyCourt")} choices={choices.courts} />
        <SelectField name="article" label={t("article")} value={params.article} anyLabel={t("anyArticle")} choices={articleChoices} />
        <SelectField name="gender" label={t("gender")} value={params.gender} anyLabel={t("anyGender")} choices={genderChoices} />
        <SelectField name="year" label={t("year")} value={params.year} anyLabel={t("anyYear")} choices={choices.years} />
        <SelectField name="sort" label={t("sort")} value={params.sort} choices={sortChoices} />
      </div>
      <p id="directory-status-hint" className="mt-3 max-w-prose text-sm text-muted">
        {t("statusHint")}
      </p>

      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded bg-accent px-4 py-2 font-semibold text-white hover:bg-rose-900">
          {t("submit")}
        </button>
        <Link href="/prisoners" className="underline underline-offset-4">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
