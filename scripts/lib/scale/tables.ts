/**
 * The tables the scale seed fills and the columns it writes, in an order that satisfies every
 * foreign key: a table appears after all the tables it references. Columns left out take their
 * defaults (version, created_at, updated_at).
 */
export const TABLES = {
  source: ["id", "kind", "title", "url", "publisher", "published_date", "published_precision", "archived_copy", "state"],
  category: ["id", "slug", "name"],
  organization: ["id", "name", "kind", "url"],
  criminal_code_article: ["id", "article", "title"],
  facility: ["id", "slug", "name", "aliases", "kind", "postal_address", "city", "country", "state"],
  court: ["id", "slug", "name", "aliases", "kind", "city", "country", "state"],
  judge: ["id", "full_name", "court_id", "state"],
  lawyer: ["id", "slug", "full_name", "aliases", "state"],
  decree: ["id", "kind", "title", "number", "signed_date", "signed_precision", "signed_by", "state"],

  prisoner: ["id", "slug", "full_name", "gender", "birth_date", "birth_precision", "biography", "state"],
  prisoner_name: ["id", "prisoner_id", "value", "kind", "script", "language"],
  prisoner_category: ["prisoner_id", "category_id"],
  prisoner_private: ["prisoner_id", "internal_notes"],
  affiliation: ["id", "prisoner_id", "organization_id", "role", "since_date", "since_precision"],
  recognition: ["id", "prisoner_id", "organization_id", "since_date", "since_precision", "url", "state"],
  criminal_case: ["id", "prisoner_id", "title", "case_number", "prosecuting_body", "opened_date", "opened_precision", "state"],
  charge: ["id", "case_id", "article_id", "description", "state"],
  case_lawyer: ["case_id", "lawyer_id", "since_date", "since_precision"],
  custody_period: [
    "id", "prisoner_id", "case_id", "kind", "start_date", "start_precision", "start_qualifier",
    "end_date", "end_precision", "release_reason", "release_decree_id", "state",
  ],
  placement: ["id", "custody_period_id", "facility_id", "from_date", "from_precision", "from_qualifier", "state"],
  hearing: ["id", "case_id", "court_id", "judge_id", "date", "date_precision", "time_of_day", "kind", "status", "outcome", "state"],
  hearing_lawyer: ["hearing_id", "lawyer_id"],
  motion: ["id", "hearing_id", "position", "filed_by", "lawyer_id", "kind", "description", "ruling", "ruling_note", "state"],
  detention_extension: ["id", "custody_period_id", "hearing_id", "motion_id", "ordered_on", "until", "state"],
  verdict: ["id", "case_id", "hearing_id", "court_id", "date", "date_precision", "outcome", "sentence_kind", "sentence_months", "state"],
  appeal: ["id", "verdict_id", "court_id", "filed_date", "decided_date", "result", "new_sentence_months", "state"],
  decree_beneficiary: ["decree_id", "prisoner_id"],
  citation: ["id", "source_id", "excerpt", "prisoner_id"],

  advocacy_update: ["id", "kind", "title", "body", "date", "date_precision", "location", "state"],
  update_prisoner: ["update_id", "prisoner_id"],
} as const;

export type TableName = keyof typeof TABLES;
export type Value = string | number | null | readonly string[];
export type Row<T extends TableName> = { [column in (typeof TABLES)[T][number]]: Value };
export type Rows = { [T in TableName]: Row<T>[] };

/** Reference data: loaded once, before any prisoner. */
export const REFERENCE_TABLES = [
  "source", "category", "organization", "criminal_code_article", "facility", "court", "judge", "lawyer", "decree",
] as const satisfies readonly TableName[];

/**
 * Rows that belong to a batch of prisoners, in load order. The citation to the scale source
 * comes right after its prisoner: it is what marks a prisoner as the scale seed's.
 */
export const PRISONER_TABLES = [
  "prisoner", "citation", "prisoner_name", "prisoner_category", "prisoner_private", "affiliation", "recognition",
  "criminal_case", "charge", "case_lawyer", "custody_period", "placement", "hearing", "hearing_lawyer",
  "motion", "detention_extension", "verdict", "appeal", "decree_beneficiary",
] as const satisfies readonly TableName[];

/** Advocacy updates name prisoners from every batch, so they are loaded last. */
export const UPDATE_TABLES = ["advocacy_update", "update_prisoner"] as const satisfies readonly TableName[];

/** What the record calls events: dated facts on a person's timeline. */
export const EVENT_TABLES = [
  "custody_period", "placement", "hearing", "motion", "detention_extension", "verdict", "appeal",
  "decree_beneficiary", "update_prisoner",
] as const satisfies readonly TableName[];

export function emptyRows(): Rows {
  return Object.fromEntries(Object.keys(TABLES).map((table) => [table, []])) as unknown as Rows;
}
