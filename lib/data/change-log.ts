import "server-only";
import { prisma } from "../db/client";
import { fromIsoDay, type IsoDay } from "../dates";
import { eventDateText } from "../feeds/event-text";
import { englishEventTitle as eventTitle } from "../i18n/event-title";
import { publicProfileBySlug, type PrisonerProfile } from "./profile";

/**
 * "What changed": the public history of one person's record, from the audit log.
 *
 * The audit log holds whole before/after snapshots of every row, drafts and private tables
 * included, and who made each change. None of that leaves this module. An entry is shown only
 * when (1) its record is one the public profile shows now (matched by id against the profile,
 * which selects published records only), (2) its entity type is on the allow-list below, (3)
 * the record was published after the change, and (4) for an edit, a field on the allow-list of
 * public fields changed. What is shown is the kind of change, when, the names of the public
 * fields that changed and the record's CURRENT public title: never a past value, since a value
 * later corrected may be one that should never have been public; never who made the change.
 */

/** Public fields per entity type, with the words a reader sees. Anything else is invisible. */
const PUBLIC_FIELDS: Record<string, Record<string, string>> = {
  Prisoner: { fullName: "name", biography: "biography", slug: "address" },
  Case: { title: "title", caseNumber: "case number", prosecutingBody: "prosecuting body", summary: "summary" },
  CustodyPeriod: {
    kind: "kind of custody",
    startDate: "start date",
    startPrecision: "start date",
    startQualifier: "start date",
    endDate: "release date",
    endPrecision: "release date",
    releaseReason: "release reason",
    releaseDecreeId: "release decree",
    caseId: "case",
    note: "note",
  },
  Placement: { facilityId: "place of detention", fromDate: "date", fromPrecision: "date", fromQualifier: "date" },
  Hearing: {
    date: "date",
    datePrecision: "date",
    timeOfDay: "time",
    kind: "kind of hearing",
    status: "status",
    outcome: "outcome",
    courtId: "court",
    judgeId: "judge",
  },
  Motion: { filedBy: "filed by", kind: "kind of motion", description: "description", ruling: "ruling", rulingNote: "ruling note", lawyerId: "lawyer" },
  DetentionExtension: { orderedOn: "date ordered", until: "detention until", hearingId: "hearing" },
  Verdict: {
    date: "date",
    datePrecision: "date",
    outcome: "outcome",
    sentenceKind: "sentence",
    sentenceMonths: "sentence",
    summary: "summary",
    courtId: "court",
  },
  Appeal: { filedDate: "date filed", decidedDate: "date decided", result: "result", newSentenceMonths: "new sentence", summary: "summary", courtId: "court" },
  Decree: { kind: "kind", title: "title", number: "number", signedDate: "date signed", signedBy: "signed by", url: "text" },
  AdvocacyUpdate: { kind: "kind", title: "title", body: "text", date: "date", location: "place" },
};

const SHOWN_ACTIONS = ["CREATE", "UPDATE", "PUBLISH", "RESTORE"];
const LIMIT = 500;

export type ChangeLogEntry = {
  /** The audit entry's number: stable, for anchors and feed ids. */
  id: string;
  at: Date;
  kind: "added" | "changed";
  /** The record as the profile shows it now. */
  title: string;
  /** Where on the profile it is shown, when it is an event. */
  anchor: string | null;
  /** Public fields that changed (for "changed"), as a reader names them. */
  fields: string[];
};

export type ChangeLog = {
  prisoner: { slug: string; fullName: string };
  since: IsoDay | null;
  entries: ChangeLogEntry[];
};

type Target = { title: string; anchor: string | null };

/** The records the public profile shows now, by id, with their current public title. */
function publicTargets(profile: PrisonerProfile): Map<string, Target> {
  const targets = new Map<string, Target>();
  targets.set(profile.id, { title: `Profile of ${profile.fullName}`, anchor: null });
  for (const criminalCase of profile.cases) targets.set(criminalCase.id, { title: `Case: ${criminalCase.title}`, anchor: null });
  for (const event of profile.timeline) {
    // A release shares its custody period's id; the arrest names the period.
    if (event.type === "release" && targets.has(event.id)) continue;
    targets.set(event.id, { title: `${eventTitle(event)} (${eventDateText(event)})`, anchor: event.anchor });
    if (event.type === "hearing") {
      for (const motion of event.motions) {
        targets.set(motion.id, { title: `A motion at: ${eventTitle(event)} (${eventDateText(event)})`, anchor: motion.anchor });
      }
    }
  }
  return targets;
}

const isObject = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === "object" && !Array.isArray(value);

/**
 * The fields an audit snapshot records. Two shapes are kept: whole rows (data-layer writes such
 * as the hearing log), and the workspace's record engine's form snapshots, `{ state, values }`,
 * whose values carry the form's field names (the same names as the columns above, a partial
 * date as one field). Both read the same through the allow-list.
 */
function snapshotOf(value: unknown): Record<string, unknown> | null {
  if (!isObject(value)) return null;
  if (isObject(value.values) && typeof value.version === "number") return { ...value.values, state: value.state };
  return value;
}

/** The state a snapshot records; a table without publication state counts as published. */
function isPublished(snapshot: Record<string, unknown> | null): boolean {
  return snapshot !== null && (!("state" in snapshot) || snapshot.state === "PUBLISHED");
}

function changedFields(entityType: string, before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const labels = new Set<string>();
  for (const [field, label] of Object.entries(PUBLIC_FIELDS[entityType] ?? {})) {
    if (JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null)) labels.add(label);
  }
  return [...labels];
}

/**
 * The public changes to a person's record, newest first, from `since` (a UTC day) on; null when
 * there is no published person with the slug.
 */
export async function publicChangeLog(slug: string, options: { since?: IsoDay } = {}): Promise<ChangeLog | null> {
  const profile = await publicProfileBySlug(slug);
  if (!profile) return null;
  const targets = publicTargets(profile);
  const rows = await prisma.auditEntry.findMany({
    where: {
      entityId: { in: [...targets.keys()] },
      entityType: { in: Object.keys(PUBLIC_FIELDS) },
      action: { in: SHOWN_ACTIONS },
      ...(options.since ? { at: { gte: fromIsoDay(options.since) } } : {}),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: LIMIT,
    // Never the actor: who keeps the record is not public.
    select: { id: true, at: true, entityType: true, entityId: true, before: true, after: true },
  });
  const entries: ChangeLogEntry[] = [];
  for (const row of rows) {
    const target = targets.get(row.entityId);
    const after = snapshotOf(row.after);
    if (!target || !isPublished(after) || !after) continue;
    const before = snapshotOf(row.before);
    const base = { id: row.id.toString(), at: row.at, title: target.title, anchor: target.anchor };
    if (!isPublished(before) || !before) {
      entries.push({ ...base, kind: "added", fields: [] });
      continue;
    }
    const fields = changedFields(row.entityType, before, after);
    if (fields.length > 0) entries.push({ ...base, kind: "changed", fields });
  }
  return { prisoner: { slug: profile.slug, fullName: profile.fullName }, since: options.since ?? null, entries };
}
