import { z } from "zod";

/**
 * The public directory's search parameters (GET /prisoners?q=…&status=…).
 *
 * Unlike a form submission, an address is shared, bookmarked, typed by hand and crawled, so a
 * parameter that cannot be used is dropped with a message saying so, and the page still
 * answers with everything else: never an error page. Parameters the directory does not know
 * (tracking tags, say) are ignored silently.
 */

export const DIRECTORY_PAGE_SIZE = 20;
export const MAX_QUERY_LENGTH = 100;
/** More words than this in a query are refused: each is one trigram-indexed condition. */
export const MAX_QUERY_WORDS = 8;
/** A page number far beyond any real directory; it bounds OFFSET. */
export const MAX_PAGE = 10_000;

export const directoryStatuses = ["all", "imprisoned", "released"] as const;
export const directorySorts = ["name", "arrested"] as const;
export const genders = ["FEMALE", "MALE", "OTHER", "UNSPECIFIED"] as const;

export type DirectoryStatus = (typeof directoryStatuses)[number];
export type DirectorySort = (typeof directorySorts)[number];
export type Gender = (typeof genders)[number];

/** Control characters count as spaces: PostgreSQL refuses a NUL byte in a query. */
function withoutControlCharacters(value: string): string {
  return Array.from(value, (character) => {
    const code = character.codePointAt(0) ?? 0;
    return code < 0x20 || code === 0x7f ? " " : character;
  }).join("");
}

const slug = z
  .string()
  .max(120, { error: "is too long" })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "is not a known choice" });

const field = {
  q: z
    .string()
    .max(MAX_QUERY_LENGTH, { error: `is longer than ${MAX_QUERY_LENGTH} characters` })
    .transform((value) => withoutControlCharacters(value).trim().replace(/\s+/g, " "))
    .refine((value) => value.split(" ").length <= MAX_QUERY_WORDS, {
      error: `has more than ${MAX_QUERY_WORDS} words`,
    }),
  status: z.enum(directoryStatuses, { error: "is not one of the choices" }),
  category: slug,
  facility: slug,
  court: slug,
  article: z.uuid({ error: "is not a known choice" }),
  gender: z.enum(genders, { error: "is not one of the choices" }),
  year: z.coerce
    .number({ error: "is not a year" })
    .int({ error: "is not a year" })
    .min(1900, { error: "is not a year the record covers" })
    .max(2100, { error: "is not a year the record covers" }),
  sort: z.enum(directorySorts, { error: "is not one of the choices" }),
  page: z.coerce
    .number({ error: "is not a page number" })
    .int({ error: "is not a page number" })
    .min(1, { error: "is not a page number" })
    .max(MAX_PAGE, { error: "is beyond the last page" }),
};

export const directoryParams = z.object({
  q: field.q.default(""),
  status: field.status.default("all"),
  category: field.category.optional(),
  facility: field.facility.optional(),
  court: field.court.optional(),
  article: field.article.optional(),
  gender: field.gender.optional(),
  year: field.year.optional(),
  sort: field.sort.default("name"),
  page: field.page.default(1),
});

export type DirectoryParams = z.output<typeof directoryParams>;

/** How each parameter is named to the reader, in messages about it. */
export const parameterLabels: Record<keyof typeof field, string> = {
  q: "Name",
  status: "Status",
  category: "Category",
  facility: "Held at",
  court: "Court",
  article: "Charge",
  gender: "Gender",
  year: "Year of arrest",
  sort: "Sort",
  page: "Page",
};

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** A parameter that was dropped, and why, for wording the notice in any language. */
export type IgnoredParameter = { field: keyof typeof field; reason: "invalid" | "unknown-choice" };

/** `problems` says in English what `ignored` records. */
export type ParsedDirectoryParams = { params: DirectoryParams; problems: string[]; ignored: IgnoredParameter[] };

/**
 * Reads the directory's parameters from an address. Each parameter is checked on its own: one
 * that fails is dropped (its default applies) and named in `problems`; the rest still apply.
 * An empty value means "not set", as a form submits an unchosen select. A repeated parameter
 * uses its first value.
 */
export function parseDirectoryParams(raw: RawSearchParams): ParsedDirectoryParams {
  const problems: string[] = [];
  const ignored: IgnoredParameter[] = [];
  const accepted: Record<string, unknown> = {};
  for (const key of Object.keys(field) as (keyof typeof field)[]) {
    const value = Array.isArray(raw[key]) ? raw[key][0] : raw[key];
    if (value === undefined || value.trim() === "") continue;
    const result = field[key].safeParse(value);
    if (result.success) {
      accepted[key] = result.data;
    } else {
      problems.push(`${parameterLabels[key]} ${result.error.issues[0].message}, so it was ignored.`);
      ignored.push({ field: key, reason: "invalid" });
    }
  }
  return { params: directoryParams.parse(accepted), problems, ignored };
}

/** The choices a filter offers; a value in the address that is not among them is dropped. */
export type FilterChoices = {
  categories: { value: string }[];
  facilities: { value: string }[];
  courts: { value: string }[];
  articles: { value: string }[];
  years: { value: number }[];
};

const choiceOf = {
  category: "categories",
  facility: "facilities",
  court: "courts",
  article: "articles",
  year: "years",
} as const;

/**
 * Drops filter values that are well-formed but name nothing the public record holds (a
 * mistyped slug, an unpublished court): the form could not show them as chosen, and an empty
 * result would look like an answer.
 */
export function keepKnownChoices(parsed: ParsedDirectoryParams, choices: FilterChoices): ParsedDirectoryParams {
  const params = { ...parsed.params };
  const problems = [...parsed.problems];
  const ignored = [...parsed.ignored];
  for (const [key, list] of Object.entries(choiceOf) as [keyof typeof choiceOf, keyof FilterChoices][]) {
    const value = params[key];
    if (value === undefined) continue;
    if (!choices[list].some((choice) => choice.value === value)) {
      params[key] = undefined;
      problems.push(`${parameterLabels[key]} is not one of the choices, so it was ignored.`);
      ignored.push({ field: key, reason: "unknown-choice" });
    }
  }
  return { params, problems, ignored };
}

/** The address of a directory state: defaults are left out, so equal states share one URL. */
export function directoryQuery(params: Partial<DirectoryParams>): Record<string, string> {
  const query: Record<string, string> = {};
  if (params.q) query.q = params.q;
  if (params.status && params.status !== "all") query.status = params.status;
  if (params.category) query.category = params.category;
  if (params.facility) query.facility = params.facility;
  if (params.court) query.court = params.court;
  if (params.article) query.article = params.article;
  if (params.gender) query.gender = params.gender;
  if (params.year !== undefined) query.year = String(params.year);
  if (params.sort && params.sort !== "name") query.sort = params.sort;
  if (params.page && params.page > 1) query.page = String(params.page);
  return query;
}
