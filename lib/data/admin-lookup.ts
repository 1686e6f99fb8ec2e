import "server-only";
import { prisma } from "../db/client";
import { Prisma } from "../db/generated/client";
import { namePattern } from "./directory";

/**
 * Look-ups for the signed-in forms (the hearing log): drafts included, archived records left
 * out. Callers check the user first; nothing here is for the public site.
 */

export type PrisonerMatch = {
  id: string;
  fullName: string;
  slug: string;
  published: boolean;
  cases: { id: string; title: string; caseNumber: string | null }[];
};

export const MAX_QUERY = 100;

/** People whose name forms contain every word typed (case and diacritics ignored), by name. */
export async function findPrisonersByName(query: string, limit = 10): Promise<PrisonerMatch[]> {
  const words = query.trim().slice(0, MAX_QUERY).split(/\s+/).filter(Boolean).slice(0, 6);
  if (words.length === 0) return [];
  const conditions = words.map((word) => Prisma.sql`p.search_text ILIKE ${namePattern(word)}`);
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT p.id FROM prisoner p
    WHERE p.state <> 'ARCHIVED' AND ${Prisma.join(conditions, " AND ")}
    ORDER BY search_fold(p.full_name), p.id
    LIMIT ${limit}`;
  return prisonerMatches(rows.map((row) => row.id));
}

/** One person by id or slug, as the form shows them (for a link that preselects the person). */
export async function findPrisonerForForm(idOrSlug: string): Promise<PrisonerMatch | null> {
  const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
  const row = await prisma.prisoner.findFirst({
    where: { ...(isId ? { id: idOrSlug } : { slug: idOrSlug }), state: { not: "ARCHIVED" } },
    select: { id: true },
  });
  return row ? ((await prisonerMatches([row.id]))[0] ?? null) : null;
}

async function prisonerMatches(ids: string[]): Promise<PrisonerMatch[]> {
  if (ids.length === 0) return [];
  const people = await prisma.prisoner.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      fullName: true,
      slug: true,
      state: true,
      cases: {
        where: { state: { not: "ARCHIVED" } },
        orderBy: [{ openedDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
        select: { id: true, title: true, caseNumber: true },
      },
    },
  });
  const byId = new Map(people.map((person) => [person.id, person]));
  return ids.flatMap((id) => {
    const person = byId.get(id);
    if (!person) return [];
    return [{ id: person.id, fullName: person.fullName, slug: person.slug, published: person.state === "PUBLISHED", cases: person.cases }];
  });
}

/** Names the hearing form suggests as one types: courts, judges and lawyers in the record. */
export async function hearingFormSuggestions(): Promise<{ courts: string[]; judges: string[]; lawyers: string[] }> {
  const live = { state: { not: "ARCHIVED" as const } };
  const [courts, judges, lawyers] = await Promise.all([
    prisma.court.findMany({ where: live, orderBy: { name: "asc" }, select: { name: true }, take: 2000 }),
    prisma.judge.findMany({ where: live, orderBy: { fullName: "asc" }, select: { fullName: true }, take: 2000 }),
    prisma.lawyer.findMany({ where: live, orderBy: { fullName: "asc" }, select: { fullName: true }, take: 2000 }),
  ]);
  const unique = (names: string[]) => [...new Set(names)];
  return {
    courts: unique(courts.map((court) => court.name)),
    judges: unique(judges.map((judge) => judge.fullName)),
    lawyers: unique(lawyers.map((lawyer) => lawyer.fullName)),
  };
}
