import type { FieldErrors } from "../validation/common";

/**
 * A change the record's rules refuse. Carries field errors for the form and a message for
 * everyone else; never a stack trace or SQL.
 */
export class RuleViolation extends Error {
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
    readonly rule?: string,
  ) {
    super(message);
    this.name = "RuleViolation";
  }
}

/** The record changed since the user loaded it (optimistic concurrency). */
export class ConflictError extends Error {
  constructor(
    message: string,
    readonly current: unknown,
  ) {
    super(message);
    this.name = "ConflictError";
  }
}

/** The user's role may not make this particular change (e.g. a contributor editing a published record). */
export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ForbiddenError";
  }
}

export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} was not found`);
    this.name = "NotFoundError";
  }
}

/** Messages for the database's own rules (prisma/migrations/*_integrity_rules). */
const RULES: Record<string, { field?: string; message: string }> = {
  rule_custody_release_after_arrest: {
    field: "end",
    message: "The release date cannot be before the arrest date.",
  },
  rule_custody_no_overlap: {
    field: "start",
    message:
      "This person already has a custody period covering these dates. A person is held in one place at a time: record the release of the open period first.",
  },
  rule_custody_one_open_period: {
    field: "start",
    message: "This person already has an open custody period. Record the release first.",
  },
  rule_custody_release_complete: {
    field: "reason",
    message: "A release needs both its date and its reason.",
  },
  rule_custody_decree_for_pardon_or_amnesty: {
    field: "decreeId",
    message: "Only a pardon or an amnesty is released by decree.",
  },
  rule_custody_not_future: { field: "start", message: "Custody dates cannot be in the future." },
  rule_custody_date_precision: {
    field: "start",
    message: "A month-only date must be the 1st of the month; a year-only date, 1 January.",
  },
  rule_placement_within_custody: {
    field: "fromDate",
    message: "A transfer must fall within the custody period it belongs to.",
  },
  rule_custody_covers_placements: {
    field: "end",
    message:
      "A transfer (place of detention) of this custody period falls outside these dates. Correct or move that transfer first.",
  },
  rule_extension_ends_after_start: {
    field: "until",
    message: "A detention extension must end after the day it was ordered.",
  },
  rule_hearing_future_only_if_scheduled: {
    field: "date",
    message: "Only a scheduled hearing can have a date in the future.",
  },
  rule_appeal_pending_undecided: {
    field: "decided",
    message: "A pending appeal has no decision date: choose its result, or leave the date empty.",
  },
  rule_appeal_new_sentence_only_if_reduced: {
    field: "newSentenceMonths",
    message: "A new sentence (more than 0 months) goes with the result “reduced” only.",
  },
  rule_audit_append_only: { message: "The audit log cannot be changed." },
};

/** What the driver adapter keeps of every PostgreSQL error, whatever kind it maps it to. */
/** The RuleViolation for a named database rule, for code that checks a rule before writing. */
export function ruleViolation(rule: keyof typeof RULES): RuleViolation {
  const { field, message } = RULES[rule];
  return new RuleViolation(message, field ? { [field]: [message] } : {}, rule);
}

type PostgresCause = { originalCode: string; originalMessage: string };

function isPostgresCause(value: unknown): value is PostgresCause {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as PostgresCause).originalCode === "string" &&
    typeof (value as PostgresCause).originalMessage === "string"
  );
}

/**
 * The PostgreSQL error behind a Prisma error. Checks, exclusions and triggers arrive as a
 * DriverAdapterError whose cause it is; errors Prisma knows itself (unique and foreign keys,
 * P2002/P2003, and failed raw queries, P2010) carry it in meta.driverAdapterError instead.
 */
function postgresCause(error: unknown): PostgresCause | null {
  if (typeof error !== "object" || error === null) return null;
  const direct = (error as { cause?: unknown }).cause;
  if (isPostgresCause(direct)) return direct;
  const wrapped = (error as { meta?: { driverAdapterError?: { cause?: unknown } } }).meta?.driverAdapterError?.cause;
  return isPostgresCause(wrapped) ? wrapped : null;
}

/**
 * Turns a database rule violation into a RuleViolation with a readable message; returns the
 * error unchanged when it is anything else.
 */
export function explainDatabaseError(error: unknown): unknown {
  const cause = postgresCause(error);
  if (!cause) return error;
  const rule = /\b(rule_[a-z_]+)\b/.exec(cause.originalMessage)?.[1];
  if (rule && RULES[rule]) return ruleViolation(rule);
  if (cause.originalCode === "23505") {
    return new RuleViolation("A record with these details already exists.", {}, "unique");
  }
  if (cause.originalCode === "23503") {
    return new RuleViolation("A linked record does not exist or is still in use.", {}, "foreign_key");
  }
  return error;
}

/** Prisma's codes for "the server cannot be reached / went away / no connection free in time". */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** The driver adapter's kinds of the same. */
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TlsConnectionError"]);
/** Node's socket errors. */
const UNAVAILABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND"]);

/** PostgreSQL's SQLSTATEs: connection exceptions (08…), shutting down or starting up (57P0…), too many connections. */
function unavailableSqlState(code: unknown): boolean {
  return typeof code === "string" && (/^08/.test(code) || /^57P0[1-3]$/.test(code) || code === "53300");
}

/**
 * Whether an error means the database could not be reached or dropped the connection (stopped,
 * restarting, a backend terminated, the pool exhausted), as opposed to a query it refused.
 * Such a change was not committed: a transaction that loses its connection is rolled back.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const candidate = current as {
      code?: unknown;
      message?: unknown;
      meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } };
      cause?: unknown;
    };
    if (typeof candidate.code === "string" && (UNAVAILABLE_PRISMA_CODES.has(candidate.code) || UNAVAILABLE_SOCKET_CODES.has(candidate.code))) return true;
    if (unavailableSqlState(candidate.code)) return true;
    const adapterCause = candidate.meta?.driverAdapterError?.cause;
    if (adapterCause && (UNAVAILABLE_ADAPTER_KINDS.has(adapterCause.kind as string) || unavailableSqlState(adapterCause.code))) return true;
    if (typeof candidate.message === "string" && /Connection terminated|Can't reach database server|connection timeout|timeout exceeded when trying to connect/i.test(candidate.message)) return true;
    const adapterKind = (candidate as { kind?: unknown }).kind;
    if (typeof adapterKind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(adapterKind)) return true;
    current = candidate.cause;
  }
  return false;
}
