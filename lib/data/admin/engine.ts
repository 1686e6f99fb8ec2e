import "server-only";
import type { z } from "zod";
import { prisma, type Transaction } from "../../db/client";
import {
  LIST_PAGE_SIZE,
  type ListPage,
  type ListQuery,
  type PublicationStateName,
  type RecordOption,
  type RecordSnapshot,
  type ResourceKey,
  type StateTransition,
} from "../../admin/record-types";
import { writeAudit, type Actor, type AuditAction } from "../audit";
import { ConflictError, ForbiddenError, NotFoundError, RuleViolation, explainDatabaseError } from "../errors";
import { parseInput } from "../parse";
import { stateChangeInput } from "../../validation/fields";
import { slugFrom } from "../../slug";

/**
 * The admin's record engine: one way to create, edit, publish, archive and restore every kind
 * of record, so that each kind only says how its rows map to its form.
 *
 * Every write runs in one transaction with its audit entry (before and after as the form shows
 * them), and every edit or state change names the version the user loaded:
 * `UPDATE … WHERE id = $1 AND version = $2` bumps it, and when no row matches someone else
 * saved first, so the change is refused with a ConflictError carrying the record as it now is.
 */

/** Tables with a publication state and a version, by their Prisma name. */
type VersionedModel =
  | "prisoner"
  | "case"
  | "charge"
  | "custodyPeriod"
  | "placement"
  | "facility"
  | "court"
  | "judge"
  | "lawyer"
  | "hearing"
  | "motion"
  | "detentionExtension"
  | "verdict"
  | "appeal"
  | "decree"
  | "source"
  | "advocacyUpdate";

type VersionedDelegate = {
  updateMany(args: {
    where: { id: string; version: number; state?: { in: PublicationStateName[] } };
    data: { version: { increment: number }; state?: PublicationStateName };
  }): Promise<{ count: number }>;
};

export type Db = Transaction;

export type AdminResource<CreateSchema extends z.ZodType = z.ZodType, UpdateSchema extends z.ZodType = z.ZodType> = {
  key: ResourceKey;
  /** The audit log's entity type. */
  entityType: string;
  model: VersionedModel;
  createInput: CreateSchema;
  updateInput: UpdateSchema;
  /** Headings of the list's columns, in the order `list` gives its cells. */
  columns: string[];
  read(db: Db, id: string): Promise<RecordSnapshot | null>;
  /** Writes a new row (as a draft) and returns its id. */
  create(tx: Transaction, input: z.output<CreateSchema>): Promise<string>;
  /** Writes the edited fields; the engine has already checked and bumped the version. */
  update(tx: Transaction, id: string, input: z.output<UpdateSchema>): Promise<void>;
  list(db: Db, query: ListQuery): Promise<Omit<ListPage, "page" | "pageSize">>;
  /** Up to `limit` records whose name contains `q`, for relation pickers. */
  match(db: Db, q: string, limit: number): Promise<RecordOption[]>;
  /**
   * Records with a data function of their own (custody: recordArrest, recordRelease) write
   * through it instead; it runs its own transaction with its audit entry.
   */
  writers?: {
    create(actor: Actor, input: z.output<CreateSchema>): Promise<{ id: string }>;
    update(actor: Actor, input: z.output<UpdateSchema>): Promise<{ id: string }>;
  };
  /** "Create new" from a picker: a draft with only a name. */
  quickCreate?(tx: Transaction, name: string): Promise<string>;
  /**
   * For kinds whose data functions audit raw rows (custody: recordArrest, saveRelease, the
   * hearing log, decrees, the seed): the form's values for such a row, so that the history
   * reads "Released on: 2014-10-24 -> 2014-10-25" rather than column names and timestamps.
   */
  valuesOfRow?(row: Record<string, unknown>): Record<string, string>;
  /** What the edit page should point out about a record (e.g. a related record that keeps it off the public site). */
  notices?(db: Db, id: string): Promise<RecordNotice[]>;
};

export type RecordNotice = { message: string; link?: { href: string; label: string } };

export function defineResource<CreateSchema extends z.ZodType, UpdateSchema extends z.ZodType>(
  resource: AdminResource<CreateSchema, UpdateSchema>,
): AdminResource<CreateSchema, UpdateSchema> {
  return resource;
}

function versioned(tx: Transaction, model: VersionedModel): VersionedDelegate {
  return tx[model] as unknown as VersionedDelegate;
}

const CONFLICT_MESSAGE =
  "Someone else saved this record after you opened it. Their version is shown next to yours; your input is kept. Review it, then save again.";

async function inTransaction<Result>(work: (tx: Transaction) => Promise<Result>): Promise<Result> {
  try {
    return await prisma.$transaction(work);
  } catch (error) {
    throw explainDatabaseError(error);
  }
}

/** Validates `raw` with the record's create schema, then creates it as a draft. */
export async function createRecord(
  resource: AdminResource,
  actor: Actor,
  raw: unknown,
): Promise<{ id: string; version: number }> {
  return createValidRecord(resource, actor, parseInput(resource.createInput, raw));
}

/** For callers that have validated with `resource.createInput` already (server actions). */
export async function createValidRecord(
  resource: AdminResource,
  actor: Actor,
  input: unknown,
): Promise<{ id: string; version: number }> {
  if (resource.writers) {
    const { id } = await resource.writers.create(actor, input);
    return { id, version: (await resource.read(prisma, id))?.version ?? 1 };
  }
  return inTransaction(async (tx) => {
    const id = await resource.create(tx, input);
    const after = await resource.read(tx, id);
    await writeAudit(tx, { actor, action: "CREATE", entityType: resource.entityType, entityId: id, after });
    return { id, version: after?.version ?? 1 };
  });
}

export type EditPolicy = {
  /** Whether the user may change a record that is published or archived (publish permission). */
  mayChangePublished: boolean;
};

/** Validates `raw` with the record's edit schema, then saves it if its version is current. */
export async function updateRecord(
  resource: AdminResource,
  actor: Actor,
  raw: unknown,
  policy: EditPolicy,
): Promise<{ id: string; version: number }> {
  return updateValidRecord(resource, actor, parseInput(resource.updateInput, raw), policy);
}

/** For callers that have validated with `resource.updateInput` already (server actions). */
export async function updateValidRecord(
  resource: AdminResource,
  actor: Actor,
  valid: unknown,
  policy: EditPolicy,
): Promise<{ id: string; version: number }> {
  const input = valid as { id: string; version: number };
  if (resource.writers) return updateThroughWriter(resource, resource.writers, actor, input, policy);
  return inTransaction(async (tx) => {
    const before = await resource.read(tx, input.id);
    if (!before) throw new NotFoundError("This record");
    if (before.version !== input.version) throw new ConflictError(CONFLICT_MESSAGE, before);
    if (before.state !== "DRAFT" && !policy.mayChangePublished) {
      throw new ForbiddenError(
        "This record is published or archived: only an editor can change it. Ask an editor, or note the correction for them.",
      );
    }
    const bumped = await versioned(tx, resource.model).updateMany({
      where: { id: input.id, version: input.version },
      data: { version: { increment: 1 } },
    });
    if (bumped.count !== 1) {
      throw new ConflictError(CONFLICT_MESSAGE, (await resource.read(tx, input.id)) ?? before);
    }
    await resource.update(tx, input.id, input);
    const after = await resource.read(tx, input.id);
    await writeAudit(tx, { actor, action: "UPDATE", entityType: resource.entityType, entityId: input.id, before, after });
    return { id: input.id, version: after?.version ?? input.version + 1 };
  });
}

async function updateThroughWriter(
  resource: AdminResource,
  writers: NonNullable<AdminResource["writers"]>,
  actor: Actor,
  input: { id: string; version: number },
  policy: EditPolicy,
): Promise<{ id: string; version: number }> {
  const before = await resource.read(prisma, input.id);
  if (!before) throw new NotFoundError("This record");
  if (before.version !== input.version) throw new ConflictError(CONFLICT_MESSAGE, before);
  if (before.state !== "DRAFT" && !policy.mayChangePublished) {
    throw new ForbiddenError("This record is published or archived: only an editor can change it.");
  }
  try {
    await writers.update(actor, input);
  } catch (error) {
    // The writer's conflict carries its raw row; the form wants the record as it shows it.
    if (error instanceof ConflictError) {
      throw new ConflictError(CONFLICT_MESSAGE, (await resource.read(prisma, input.id)) ?? before);
    }
    throw error;
  }
  return { id: input.id, version: (await resource.read(prisma, input.id))?.version ?? input.version + 1 };
}

const transitions: Record<StateTransition, { from: PublicationStateName[]; to: PublicationStateName; audit: AuditAction }> = {
  publish: { from: ["DRAFT"], to: "PUBLISHED", audit: "PUBLISH" },
  archive: { from: ["DRAFT", "PUBLISHED"], to: "ARCHIVED", audit: "ARCHIVE" },
  // A restored record comes back as a draft: it is published again by a deliberate step.
  restore: { from: ["ARCHIVED"], to: "DRAFT", audit: "RESTORE" },
};

const transitionRefusals: Record<StateTransition, string> = {
  publish: "Only a draft can be published.",
  archive: "This record is already archived.",
  restore: "Only an archived record can be restored.",
};

export async function changeRecordState(
  resource: AdminResource,
  actor: Actor,
  raw: unknown,
  transition: StateTransition,
): Promise<{ id: string; version: number; state: PublicationStateName }> {
  const rule = transitions[transition];
  const input = parseInput(stateChangeInput, raw);
  return inTransaction(async (tx) => {
    const before = await resource.read(tx, input.id);
    if (!before) throw new NotFoundError("This record");
    if (before.version !== input.version) throw new ConflictError(CONFLICT_MESSAGE, before);
    if (!rule.from.includes(before.state)) {
      throw new RuleViolation(transitionRefusals[transition], { _form: [transitionRefusals[transition]] }, "state");
    }
    const changed = await versioned(tx, resource.model).updateMany({
      where: { id: input.id, version: input.version, state: { in: rule.from } },
      data: { version: { increment: 1 }, state: rule.to },
    });
    if (changed.count !== 1) {
      throw new ConflictError(CONFLICT_MESSAGE, (await resource.read(tx, input.id)) ?? before);
    }
    const after = await resource.read(tx, input.id);
    await writeAudit(tx, { actor, action: rule.audit, entityType: resource.entityType, entityId: input.id, before, after });
    return { id: input.id, version: after?.version ?? input.version + 1, state: rule.to };
  });
}

export async function quickCreateRecord(resource: AdminResource, actor: Actor, name: string): Promise<RecordOption> {
  const quickCreate = resource.quickCreate;
  if (!quickCreate) throw new NotFoundError("Creating this kind of record from a picker");
  return inTransaction(async (tx) => {
    const id = await quickCreate(tx, name);
    const after = await resource.read(tx, id);
    await writeAudit(tx, { actor, action: "CREATE", entityType: resource.entityType, entityId: id, after });
    return { id, label: after?.title ?? name };
  });
}

/** One record for its edit form, whatever its state (admin only). */
export async function readRecord(resource: AdminResource, id: string): Promise<RecordSnapshot | null> {
  if (!isUuid(id)) return null;
  return resource.read(prisma, id);
}

/** What the edit page points out about a record, if its kind says anything. */
export async function recordNotices(resource: AdminResource, id: string): Promise<RecordNotice[]> {
  if (!isUuid(id) || !resource.notices) return [];
  return resource.notices(prisma, id);
}

export async function listRecords(resource: AdminResource, query: ListQuery): Promise<ListPage> {
  const page = Math.max(1, Math.min(10_000, Math.floor(query.page) || 1));
  const q = query.q?.trim().slice(0, 100) || undefined;
  const result = await resource.list(prisma, { ...query, q, page });
  return { ...result, page, pageSize: LIST_PAGE_SIZE };
}

export async function matchRecords(resource: AdminResource, q: string): Promise<RecordOption[]> {
  const text = q.trim().slice(0, 100);
  return resource.match(prisma, text, 10);
}

export type HistoryEntry = {
  id: string;
  at: Date;
  who: string;
  action: string;
  before: RecordSnapshot | null;
  after: RecordSnapshot | null;
};

/** Every audit entry about one record, oldest first. The log is read here, never changed. */
export async function recordHistory(resource: AdminResource, id: string): Promise<HistoryEntry[]> {
  if (!isUuid(id)) return [];
  const current = await resource.read(prisma, id);
  const entries = await prisma.auditEntry.findMany({
    where: { entityType: resource.entityType, entityId: id },
    orderBy: { id: "asc" },
    select: { id: true, at: true, actorLabel: true, action: true, before: true, after: true },
  });
  return entries.map((entry) => ({
    id: entry.id.toString(),
    at: entry.at,
    who: entry.actorLabel,
    action: entry.action,
    before: asSnapshot(entry.before, resource, current),
    after: asSnapshot(entry.after, resource, current),
  }));
}

/**
 * Audit entries written before the admin existed (seed, import) hold raw rows rather than
 * form snapshots; they are shown as they are, field by field.
 */
function asSnapshot(value: unknown, resource: AdminResource, current: RecordSnapshot | null): RecordSnapshot | null {
  if (!value || typeof value !== "object") return null;
  const record = value as Partial<RecordSnapshot> & Record<string, unknown>;
  if (record.values && typeof record.values === "object") return record as RecordSnapshot;
  let values: Record<string, string> = {};
  const labels: Record<string, string> = {};
  if (resource.valuesOfRow) {
    values = resource.valuesOfRow(record);
    // Related records by the names they have now, where the row points to the same one.
    for (const [field, inner] of Object.entries(values)) {
      const label = current?.labels[field];
      if (label && inner !== "" && current?.values[field] === inner) labels[field] = label;
    }
  } else {
    for (const [key, inner] of Object.entries(record)) {
      if (inner === null || inner === undefined) continue;
      values[key] = typeof inner === "object" ? JSON.stringify(inner) : String(inner);
    }
  }
  return {
    id: String(record.id ?? ""),
    state: (record.state as PublicationStateName) ?? "DRAFT",
    version: Number(record.version ?? 0),
    title: "",
    values,
    labels,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Page bounds for a list query. */
export function pageWindow(page: number): { skip: number; take: number } {
  return { skip: (page - 1) * LIST_PAGE_SIZE, take: LIST_PAGE_SIZE };
}

/** "leyla-yunus" from "Leyla Yunus", with a short random tail when that address is taken. */
export async function freeSlug(
  taken: (slug: string) => Promise<boolean>,
  name: string,
  wanted?: string,
): Promise<string> {
  // slugFrom trims the hyphen a cut at 100 characters can leave (the database refuses one).
  const base = wanted ?? slugFrom(name);
  if (!(await taken(base))) return base;
  if (wanted) {
    throw new RuleViolation("This web address is taken.", { slug: ["This web address is taken; choose another"] }, "unique");
  }
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const candidate = `${base}-${Math.random().toString(36).slice(2, 6)}`;
    if (!(await taken(candidate))) return candidate;
  }
  throw new RuleViolation("Could not find a free web address; enter one.", { slug: ["Enter a web address"] }, "unique");
}

/** Text helpers for snapshots: what a form field shows for a stored value. */
export const show = {
  text: (value: string | null | undefined): string => value ?? "",
  number: (value: number | null | undefined): string => (value === null || value === undefined ? "" : String(value)),
  day: (value: Date | null | undefined): string => (value ? value.toISOString().slice(0, 10) : ""),
  partial: (value: Date | string | null | undefined, precision: string | null | undefined): string => {
    if (!value) return "";
    if (typeof value === "string") value = new Date(value);
    const iso = value.toISOString().slice(0, 10);
    return precision === "YEAR" ? iso.slice(0, 4) : precision === "MONTH" ? iso.slice(0, 7) : iso;
  },
  lines: (values: string[]): string => values.join("\n"),
};

/** A search filter shared by every list: text in the named column, and a state. */
export function containsText(q: string | undefined) {
  return q ? { contains: q, mode: "insensitive" as const } : undefined;
}

/** A partial date as two columns. */
export function partialColumns(value: { date: string; precision: "DAY" | "MONTH" | "YEAR" } | undefined) {
  return value
    ? { date: new Date(`${value.date}T00:00:00Z`), precision: value.precision }
    : { date: null, precision: null };
}

/** The state filter of a list, and the parent filter when it is a valid id. */
export function stateWhere(query: ListQuery) {
  return query.state ? { state: query.state } : {};
}

export function parentId(query: ListQuery): string | undefined {
  return query.parent && isUuid(query.parent) ? query.parent : undefined;
}

/** Readable text for the relation fields that are set. */
export function labelsOf(entries: Record<string, string | null | undefined>): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [field, label] of Object.entries(entries)) if (label) labels[field] = label;
  return labels;
}
