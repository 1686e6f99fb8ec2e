import type { FormValue } from "../actions/state";

/** The records the admin edits, by their address under /admin. */
export const resourceKeys = [
  "prisoners",
  "cases",
  "charges",
  "custody",
  "placements",
  "facilities",
  "courts",
  "judges",
  "lawyers",
  "hearings",
  "motions",
  "extensions",
  "verdicts",
  "appeals",
  "decrees",
  "sources",
  "updates",
] as const;
export type ResourceKey = (typeof resourceKeys)[number];

export function isResourceKey(value: string): value is ResourceKey {
  return (resourceKeys as readonly string[]).includes(value);
}

export const publicationStates = ["DRAFT", "PUBLISHED", "ARCHIVED"] as const;
export type PublicationStateName = (typeof publicationStates)[number];

/**
 * One record as the admin sees it: its values exactly as its form shows them (so that a
 * conflict can set the two side by side, and the audit log can say "field: old -> new"), and
 * readable text for values that are ids of other records.
 */
export type RecordSnapshot = {
  id: string;
  state: PublicationStateName;
  version: number;
  title: string;
  values: Record<string, FormValue>;
  labels: Record<string, string>;
};

/** A choice offered by a relation picker. */
export type RecordOption = { id: string; label: string; hint?: string };

/** `parent`: only the records of one person, case, hearing, verdict or custody period (transfers: a person or a custody period). */
export type ListQuery = { q?: string; state?: PublicationStateName; parent?: string; page: number };
export type ListRow = { id: string; state: PublicationStateName; cells: string[] };
export type ListPage = { rows: ListRow[]; total: number; page: number; pageSize: number };

export const LIST_PAGE_SIZE = 25;

export type StateTransition = "publish" | "archive" | "restore";
