import "server-only";
import { prisma, type Transaction } from "../db/client";
import type { PublicationState } from "../db/generated/client";
import { fromIsoDay } from "../dates";
import { slugFrom } from "../slug";
import { eventAnchor } from "../timeline";
import { hearingLogInput, type HearingLogInput } from "../validation/hearing-log";
import { writeAudit, type Actor } from "./audit";
import { closeCustodyPeriod } from "./custody";
import { RuleViolation, explainDatabaseError } from "./errors";
import { parseInput } from "./parse";

/**
 * Logs one hearing as a whole: the case (existing or new), the court, judge and lawyers present
 * (found by name, or created), the hearing, its motions, and its result: detention extended,
 * a verdict, or a release. Everything is written in one transaction with an audit entry for
 * every row; if any part is refused, nothing is written.
 *
 * `publish` says whether the records go out published (an editor) or as drafts (a
 * contributor). A release changes the public count, so only someone who may publish can
 * record one.
 */
export type LoggedHearing = {
  hearingId: string;
  state: PublicationState;
  prisonerSlug: string;
  /** Whether the public can see it now: the hearing and the person are both published. */
  isPublic: boolean;
  /** Where the hearing appears on the public profile (once it and the person are published). */
  publicPath: `/prisoners/${string}`;
};

/** Database rules name their own fields; on this form the same facts live in these fields. */
const FORM_FIELD: Record<string, string> = { start: "date", end: "date", reason: "releaseReason" };

function onThisForm(error: unknown): unknown {
  const explained = explainDatabaseError(error);
  if (!(explained instanceof RuleViolation)) return explained;
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(explained.fieldErrors)) {
    fieldErrors[FORM_FIELD[field] ?? field] = messages;
  }
  return new RuleViolation(explained.message, fieldErrors, explained.rule);
}

function refuse(field: string, message: string): never {
  throw new RuleViolation(message, { [field]: [message] });
}

export async function logHearing(actor: Actor, raw: unknown, options: { publish: boolean }): Promise<LoggedHearing> {
  return saveHearingLog(actor, parseInput(hearingLogInput, raw), options);
}

/** The same, for input already checked by the schema (the action framework parses first). */
export async function saveHearingLog(
  actor: Actor,
  input: HearingLogInput,
  options: { publish: boolean },
): Promise<LoggedHearing> {
  const state: PublicationState = options.publish ? "PUBLISHED" : "DRAFT";
  if (input.result.kind === "released" && !options.publish) {
    refuse("result", "Only an editor can record a release, because it changes the public count. Save the hearing without it and ask an editor.");
  }
  try {
    return await prisma.$transaction((tx) => writeHearing(tx, actor, input, state));
  } catch (error) {
    throw onThisForm(error);
  }
}

async function writeHearing(
  tx: Transaction,
  actor: Actor,
  input: HearingLogInput,
  state: PublicationState,
): Promise<LoggedHearing> {
  const created = async (entityType: string, row: { id: string }) =>
    writeAudit(tx, { actor, action: "CREATE", entityType, entityId: row.id, after: row });

  const prisoner = await tx.prisoner.findUnique({
    where: { id: input.prisonerId },
    select: { id: true, slug: true, fullName: true, state: true },
  });
  if (!prisoner || prisoner.state === "ARCHIVED") refuse("prisonerId", "That person is not in the record.");

  // The case ----------------------------------------------------------------------------------
  let caseId: string;
  if (input.caseId) {
    const existing = await tx.case.findUnique({ where: { id: input.caseId }, select: { prisonerId: true, state: true } });
    if (!existing || existing.prisonerId !== prisoner.id || existing.state === "ARCHIVED") {
      refuse("caseId", `That case is not one of ${prisoner.fullName}'s cases.`);
    }
    caseId = input.caseId;
  } else {
    const newCase = await tx.case.create({
      data: { prisonerId: prisoner.id, title: input.caseTitle as string, state },
    });
    await created("Case", newCase);
    caseId = newCase.id;
  }

  // Court, judge, lawyers: by name, or new ----------------------------------------------------
  let courtId: string | null = null;
  if (input.court) {
    const matches = await tx.court.findMany({
      where: {
        state: { not: "ARCHIVED" },
        OR: [{ name: { equals: input.court.name, mode: "insensitive" } }, { aliases: { has: input.court.name } }],
      },
      select: { id: true },
      take: 2,
    });
    if (matches.length > 1) refuse("courtName", "Several courts have this name. Use the court's full name as the list shows it.");
    if (matches.length === 1) {
      courtId = matches[0].id;
    } else {
      const court = await tx.court.create({
        data: {
          slug: await freeSlug(tx, "court", slugFrom(input.court.name, "court")),
          name: input.court.name,
          kind: input.court.kind,
          state,
        },
      });
      await created("Court", court);
      courtId = court.id;
    }
  }

  let judgeId: string | null = null;
  if (input.judgeName) {
    const judge =
      (await tx.judge.findFirst({
        where: {
          fullName: { equals: input.judgeName, mode: "insensitive" },
          state: { not: "ARCHIVED" },
          ...(courtId ? { OR: [{ courtId }, { courtId: null }] } : {}),
        },
        orderBy: { courtId: { sort: "asc", nulls: "last" } },
        select: { id: true },
      })) ?? null;
    if (judge) {
      judgeId = judge.id;
    } else {
      const newJudge = await tx.judge.create({ data: { fullName: input.judgeName, courtId, state } });
      await created("Judge", newJudge);
      judgeId = newJudge.id;
    }
  }

  const lawyerIds: string[] = [];
  for (const name of input.lawyers) {
    const lawyer = await tx.lawyer.findFirst({
      where: {
        state: { not: "ARCHIVED" },
        OR: [{ fullName: { equals: name, mode: "insensitive" } }, { aliases: { has: name } }],
      },
      select: { id: true },
    });
    if (lawyer) {
      if (!lawyerIds.includes(lawyer.id)) lawyerIds.push(lawyer.id);
      continue;
    }
    const newLawyer = await tx.lawyer.create({
      data: { slug: await freeSlug(tx, "lawyer", slugFrom(name, "lawyer")), fullName: name, state },
    });
    await created("Lawyer", newLawyer);
    lawyerIds.push(newLawyer.id);
  }

  // The hearing and its motions ---------------------------------------------------------------
  const date = fromIsoDay(input.date.date);
  const hearing = await tx.hearing.create({
    data: {
      caseId,
      courtId,
      judgeId,
      date,
      datePrecision: input.date.precision,
      timeOfDay: input.timeOfDay,
      kind: input.kind,
      status: input.status,
      outcome: input.outcome,
      state,
    },
  });
  await created("Hearing", hearing);

  for (const lawyerId of lawyerIds) {
    const row = await tx.hearingLawyer.create({ data: { hearingId: hearing.id, lawyerId } });
    await writeAudit(tx, {
      actor,
      action: "CREATE",
      entityType: "HearingLawyer",
      entityId: `${hearing.id}:${lawyerId}`,
      after: row,
    });
  }

  const motionIds: string[] = [];
  for (const [position, motion] of input.motions.entries()) {
    const row = await tx.motion.create({
      data: {
        hearingId: hearing.id,
        position,
        filedBy: motion.party,
        kind: motion.kind,
        description: motion.text,
        ruling: motion.ruling,
        rulingNote: motion.rulingNote,
        state,
      },
    });
    await created("Motion", row);
    motionIds.push(row.id);
  }

  // The result --------------------------------------------------------------------------------
  const result = input.result;
  if (result.kind === "extended" || result.kind === "released") {
    const open = await tx.custodyPeriod.findFirst({
      where: { prisonerId: prisoner.id, endDate: null, state: { not: "ARCHIVED" } },
    });
    const field = result.kind === "extended" ? "until" : "releaseReason";
    if (!open) {
      refuse(field, `${prisoner.fullName} has no open custody period in the record. Record the arrest first.`);
    }
    if (result.kind === "extended") {
      // The extension answers the motion that asked for it, when the form has one.
      const granted = input.motions.findIndex(
        (motion) => motion.kind === "EXTEND_DETENTION" && (motion.ruling === "GRANTED" || motion.ruling === "PARTLY_GRANTED"),
      );
      const extension = await tx.detentionExtension.create({
        data: {
          custodyPeriodId: open.id,
          hearingId: hearing.id,
          motionId: granted >= 0 ? motionIds[granted] : null,
          orderedOn: date,
          until: fromIsoDay(result.until),
          state,
        },
      });
      await created("DetentionExtension", extension);
    } else {
      await closeCustodyPeriod(tx, actor, open, { end: input.date, reason: result.reason });
    }
  } else if (result.kind === "verdict") {
    const verdict = await tx.verdict.create({
      data: {
        caseId,
        hearingId: hearing.id,
        courtId,
        date,
        datePrecision: input.date.precision,
        outcome: result.outcome,
        sentenceKind: result.sentenceKind,
        sentenceMonths: result.sentenceMonths,
        summary: input.outcome,
        state,
      },
    });
    await created("Verdict", verdict);
  }

  return {
    hearingId: hearing.id,
    state,
    prisonerSlug: prisoner.slug,
    isPublic: state === "PUBLISHED" && prisoner.state === "PUBLISHED",
    publicPath: `/prisoners/${prisoner.slug}#${eventAnchor(hearing.id)}`,
  };
}

/** The slug itself when free, else the first free "slug-2", "slug-3", ... */
async function freeSlug(tx: Transaction, table: "court" | "lawyer", base: string): Promise<string> {
  const where = { slug: { startsWith: base } };
  const taken = new Set(
    (table === "court"
      ? await tx.court.findMany({ where, select: { slug: true } })
      : await tx.lawyer.findMany({ where, select: { slug: true } })
    ).map((row) => row.slug),
  );
  if (!taken.has(base)) return base;
  let suffix = 2;
  while (taken.has(`${base}-${suffix}`)) suffix += 1;
  return `${base}-${suffix}`;
}
