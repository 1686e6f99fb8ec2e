import type { ExportRow } from "../data/export";
import type { IsoDay } from "../dates";

/**
 * The columns of the people exports (CSV and JSON), in order. One list serves the writers, the
 * OpenAPI document and the data dictionary page (/data), so a column cannot be exported
 * undescribed. Values come only from ExportRow, which holds public fields only.
 */

export type ExportContext = {
  /** The site's public address, for profile links. */
  baseUrl: URL;
  /** The day status is derived for. */
  on: IsoDay;
};

export type ColumnValue = string | string[] | null;

export type ExportColumn = {
  name: string;
  /** How the dictionary names the type. */
  type: string;
  meaning: string;
  example: string;
  /** The JSON Schema of the value in the JSON export. */
  jsonSchema: Record<string, unknown>;
  value: (row: ExportRow, context: ExportContext) => ColumnValue;
};

const text = { type: "string" };
const optionalText = { type: ["string", "null"] };
const day = { type: "string", format: "date" };
const optionalDay = { type: ["string", "null"], format: "date" };
const list = { type: "array", items: { type: "string" } };
const precision = { type: ["string", "null"], enum: ["DAY", "MONTH", "YEAR", null] };

function custodyStart(row: ExportRow) {
  return row.status.state === "imprisoned" || row.status.state === "house-arrest" ? row.status : null;
}

function release(row: ExportRow) {
  return row.status.state === "released" ? row.status : null;
}

export const exportColumns: ExportColumn[] = [
  {
    name: "slug",
    type: "text",
    meaning: "The person's stable identifier in this record; their profile is /prisoners/<slug>.",
    example: "leyla-yunus",
    jsonSchema: text,
    value: (row) => row.slug,
  },
  {
    name: "full_name",
    type: "text",
    meaning: "Full name as written in the main source, e.g. with patronymic (oglu, qizi).",
    example: "Leyla Yunus",
    jsonSchema: text,
    value: (row) => row.fullName,
  },
  {
    name: "profile_url",
    type: "URL",
    meaning: "The public profile, with the full sourced timeline.",
    example: "https://example.org/prisoners/leyla-yunus",
    jsonSchema: text,
    value: (row, context) => new URL(`/prisoners/${row.slug}`, context.baseUrl).toString(),
  },
  {
    name: "gender",
    type: "FEMALE | MALE | OTHER | UNSPECIFIED",
    meaning: "As recorded; UNSPECIFIED when the record does not say.",
    example: "FEMALE",
    jsonSchema: { type: "string", enum: ["FEMALE", "MALE", "OTHER", "UNSPECIFIED"] },
    value: (row) => row.gender,
  },
  {
    name: "status",
    type: "imprisoned | house-arrest | released | no-custody-recorded",
    meaning:
      "Derived on status_as_of from the published custody periods, never stored: imprisoned when a detention period is in force, house-arrest when a house-arrest period is, released when every period proven to have begun has ended, no-custody-recorded when none has.",
    example: "imprisoned",
    jsonSchema: { type: "string", enum: ["imprisoned", "house-arrest", "released", "no-custody-recorded"] },
    value: (row) => row.status.state,
  },
  {
    name: "status_as_of",
    type: "date (YYYY-MM-DD)",
    meaning: "The day (UTC) the status and place of detention are derived for: the day of the export.",
    example: "2026-11-27",
    jsonSchema: day,
    value: (_row, context) => context.on,
  },
  {
    name: "custody_since",
    type: "date (YYYY-MM-DD), empty",
    meaning:
      "For imprisoned and house-arrest: when the custody period in force began. With MONTH or YEAR precision, the first day of that month or year.",
    example: "2014-07-30",
    jsonSchema: optionalDay,
    value: (row) => custodyStart(row)?.since.date ?? null,
  },
  {
    name: "custody_since_precision",
    type: "DAY | MONTH | YEAR, empty",
    meaning: "How precisely the sources date custody_since.",
    example: "DAY",
    jsonSchema: precision,
    value: (row) => custodyStart(row)?.since.precision ?? null,
  },
  {
    name: "custody_since_qualifier",
    type: "EXACT | ON_OR_BEFORE | ON_OR_AFTER, empty",
    meaning:
      "EXACT when the sources give the day custody began; ON_OR_BEFORE when they only prove custody by that day (the arrest may be earlier).",
    example: "EXACT",
    jsonSchema: { type: ["string", "null"], enum: ["EXACT", "ON_OR_BEFORE", "ON_OR_AFTER", null] },
    value: (row) => custodyStart(row)?.sinceQualifier ?? null,
  },
  {
    name: "released_on",
    type: "date (YYYY-MM-DD), empty",
    meaning: "For released: the day the latest custody period ended (a day of freedom).",
    example: "2015-12-09",
    jsonSchema: optionalDay,
    value: (row) => release(row)?.on.date ?? null,
  },
  {
    name: "released_on_precision",
    type: "DAY | MONTH | YEAR, empty",
    meaning: "How precisely the sources date released_on.",
    example: "DAY",
    jsonSchema: precision,
    value: (row) => release(row)?.on.precision ?? null,
  },
  {
    name: "release_reason",
    type: "text, empty",
    meaning:
      "For released: SENTENCE_SERVED, ACQUITTED, CHARGES_DROPPED, PARDON, AMNESTY, CONDITIONAL_RELEASE, MEASURE_CHANGED, DEATH_IN_CUSTODY or OTHER.",
    example: "PARDON",
    jsonSchema: optionalText,
    value: (row) => release(row)?.reason ?? null,
  },
  {
    name: "held_at",
    type: "slug, empty",
    meaning:
      "For imprisoned: the place of detention on status_as_of (the latest published placement of the period in force); empty when not recorded publicly.",
    example: "baku-pre-trial-detention-centre",
    jsonSchema: optionalText,
    value: (row) => row.heldAt?.slug ?? null,
  },
  {
    name: "held_at_name",
    type: "text, empty",
    meaning: "The name of the place in held_at.",
    example: "Baku Pre-Trial Detention Centre",
    jsonSchema: optionalText,
    value: (row) => row.heldAt?.name ?? null,
  },
  {
    name: "category_slugs",
    type: "list of slugs",
    meaning: "Why the person is persecuted, as categories. CSV: separated by \"; \". JSON: an array.",
    example: "human-rights-defender",
    jsonSchema: list,
    value: (row) => row.categories.map((category) => category.slug),
  },
  {
    name: "categories",
    type: "list of text",
    meaning: "The names of the categories in category_slugs, in the same order.",
    example: "Human rights defender",
    jsonSchema: list,
    value: (row) => row.categories.map((category) => category.name),
  },
];

export const LIST_SEPARATOR = "; ";
