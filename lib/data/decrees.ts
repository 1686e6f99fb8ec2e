import "server-only";
import { prisma } from "../db/client";
import { fromIsoDay, toIsoDay, type IsoDay, type Precision } from "../dates";
import { decreeInput, type DecreeInput } from "../validation/decree";
import { writeAudit, type Actor } from "./audit";
import { closeCustodyPeriod } from "./custody";
import { RuleViolation, explainDatabaseError } from "./errors";
import { parseInput } from "./parse";

/**
 * A pardon or amnesty decree frees many people at once. Saving it creates the decree, lists
 * each person as freed by it, and closes each one's open custody period (reason PARDON or
 * AMNESTY, linked to the decree), all in one transaction with an audit entry for every row.
 * If any one person cannot be released (no open custody period, a release before the arrest,
 * a change made meanwhile), nothing is written and the refusal names that person.
 */
export async function recordDecree(actor: Actor, raw: unknown): Promise<{ id: string; freed: number }> {
  return saveDecree(actor, parseInput(decreeInput, raw));
}

function refuseFor(name: string, reason: string): never {
  const message = `${name}: ${reason}`;
  throw new RuleViolation(message, { prisonerIds: [message] });
}

export async function saveDecree(actor: Actor, input: DecreeInput): Promise<{ id: string; freed: number }> {
  const released = input.releasedOn ?? input.signedDate;
  if (released.date < input.signedDate.date) {
    throw new RuleViolation("People are released on or after the day the decree is signed.", {
      releasedOn: ["Enter a day on or after the signing date"],
    });
  }
  try {
    return await prisma.$transaction(async (tx) => {
      const decree = await tx.decree.create({
        data: {
          kind: input.kind,
          title: input.title,
          number: input.number,
          signedDate: fromIsoDay(input.signedDate.date),
          signedPrecision: input.signedDate.precision,
          signedBy: input.signedBy,
          url: input.url,
          state: "PUBLISHED",
        },
      });
      await writeAudit(tx, { actor, action: "CREATE", entityType: "Decree", entityId: decree.id, after: decree });

      const people = await tx.prisoner.findMany({
        where: { id: { in: input.prisonerIds } },
        select: { id: true, fullName: true, state: true },
      });
      const byId = new Map(people.map((person) => [person.id, person]));
      for (const prisonerId of input.prisonerIds) {
        const person = byId.get(prisonerId);
        if (!person || person.state === "ARCHIVED") refuseFor("A chosen person", "is not in the record.");
        const open = await tx.custodyPeriod.findFirst({
          where: { prisonerId, endDate: null, state: { not: "ARCHIVED" } },
        });
        if (!open) refuseFor(person.fullName, "has no open custody period, so the decree cannot release them.");
        if (toIsoDay(open.startDate) > released.date) {
          refuseFor(person.fullName, `was taken into custody on ${toIsoDay(open.startDate)}, after this release date.`);
        }
        try {
          await closeCustodyPeriod(tx, actor, open, {
            end: released,
            reason: input.kind,
            decreeId: decree.id,
          });
        } catch (error) {
          const explained = explainDatabaseError(error);
          if (explained instanceof RuleViolation) refuseFor(person.fullName, explained.message);
          throw explained;
        }
        const beneficiary = await tx.decreeBeneficiary.create({ data: { decreeId: decree.id, prisonerId } });
        await writeAudit(tx, {
          actor,
          action: "CREATE",
          entityType: "DecreeBeneficiary",
          entityId: `${decree.id}:${prisonerId}`,
          after: beneficiary,
        });
      }
      return { id: decree.id, freed: input.prisonerIds.length };
    });
  } catch (error) {
    throw explainDatabaseError(error);
  }
}

export type ImprisonedChoice = {
  prisonerId: string;
  fullName: string;
  published: boolean;
  since: { date: IsoDay; precision: Precision };
};

/**
 * Everyone whose custody period is open, for a signed-in editor choosing whom a decree freed:
 * drafts included (marked), archived records left out. Ordered by name.
 */
export async function listOpenCustodyForDecree(limit = 2000): Promise<ImprisonedChoice[]> {
  const periods = await prisma.custodyPeriod.findMany({
    where: { endDate: null, state: { not: "ARCHIVED" }, prisoner: { state: { not: "ARCHIVED" } } },
    orderBy: { prisoner: { fullName: "asc" } },
    take: limit,
    select: {
      startDate: true,
      startPrecision: true,
      prisoner: { select: { id: true, fullName: true, state: true } },
    },
  });
  return periods.map((period) => ({
    prisonerId: period.prisoner.id,
    fullName: period.prisoner.fullName,
    published: period.prisoner.state === "PUBLISHED",
    since: { date: toIsoDay(period.startDate), precision: period.startPrecision },
  }));
}
