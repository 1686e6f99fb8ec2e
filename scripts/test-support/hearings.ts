import { prisma } from "../../lib/db/client";
import type {
  HearingKind,
  HearingStatus,
  MotionKind,
  MotionParty,
  PublicationState,
  Ruling,
} from "../../lib/db/generated/client";
import { fromIsoDay, type IsoDay } from "../../lib/dates";
import { uniqueSlug } from "./records";

/**
 * Courts, cases, lawyers and hearings for integration tests, written directly (there is no
 * data-layer write for them yet). Every record gets a unique slug, so a test can ask about its
 * own court or lawyer and know every row it sees is its own.
 */

export async function createCourt(options: { state?: PublicationState; name?: string } = {}) {
  return prisma.court.create({
    data: {
      slug: uniqueSlug("court"),
      name: options.name ?? "Test District Court",
      kind: "DISTRICT",
      city: "Testville",
      state: options.state ?? "PUBLISHED",
    },
  });
}

export async function createCase(prisonerId: string, options: { state?: PublicationState; title?: string } = {}) {
  return prisma.case.create({
    data: { prisonerId, title: options.title ?? "Test case", state: options.state ?? "PUBLISHED" },
  });
}

export async function createLawyer(options: { state?: PublicationState; fullName?: string; prisonerId?: string } = {}) {
  return prisma.lawyer.create({
    data: {
      slug: uniqueSlug("lawyer"),
      fullName: options.fullName ?? "Test Lawyer",
      prisonerId: options.prisonerId,
      state: options.state ?? "PUBLISHED",
    },
  });
}

export type MotionSpec = {
  filedBy: MotionParty;
  ruling: Ruling;
  kind?: MotionKind;
  state?: PublicationState;
  lawyerId?: string;
};

export async function createHearing(data: {
  caseId: string;
  courtId?: string;
  judgeId?: string;
  date: IsoDay;
  kind?: HearingKind;
  status?: HearingStatus;
  state?: PublicationState;
  outcome?: string;
  lawyerIds?: string[];
  motions?: MotionSpec[];
}) {
  return prisma.hearing.create({
    data: {
      caseId: data.caseId,
      courtId: data.courtId,
      judgeId: data.judgeId,
      date: fromIsoDay(data.date),
      kind: data.kind ?? "DETENTION_EXTENSION",
      status: data.status ?? "HELD",
      state: data.state ?? "PUBLISHED",
      outcome: data.outcome,
      lawyers: data.lawyerIds ? { create: data.lawyerIds.map((lawyerId) => ({ lawyerId })) } : undefined,
      motions: data.motions
        ? {
            create: data.motions.map((motion, position) => ({
              position,
              filedBy: motion.filedBy,
              kind: motion.kind ?? "OTHER",
              ruling: motion.ruling,
              state: motion.state ?? "PUBLISHED",
              lawyerId: motion.lawyerId,
            })),
          }
        : undefined,
    },
  });
}
