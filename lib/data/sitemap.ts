import "server-only";
import { prisma } from "../db/client";

/**
 * What the sitemap lists: the addresses of published people, courts, lawyers and facilities.
 * Only slugs and the last change of a person leave; drafts and archived records are never
 * selected (the leak-canary crawl reads the sitemap and checks).
 */

/** A sitemap file holds at most 50,000 addresses; each record is one entry with its languages. */
export const SITEMAP_RECORD_LIMIT = 45_000;

export type SitemapRecords = {
  prisoners: { slug: string; updatedAt: Date }[];
  courts: string[];
  lawyers: string[];
  facilities: string[];
};

export async function publicSitemapRecords(): Promise<SitemapRecords> {
  const published = { state: "PUBLISHED" as const };
  const [prisoners, courts, lawyers, facilities] = await Promise.all([
    prisma.prisoner.findMany({
      where: published,
      orderBy: { slug: "asc" },
      take: SITEMAP_RECORD_LIMIT,
      select: { slug: true, updatedAt: true },
    }),
    prisma.court.findMany({ where: published, orderBy: { slug: "asc" }, select: { slug: true } }),
    prisma.lawyer.findMany({ where: published, orderBy: { slug: "asc" }, select: { slug: true } }),
    prisma.facility.findMany({ where: published, orderBy: { slug: "asc" }, select: { slug: true } }),
  ]);
  return {
    prisoners,
    courts: courts.map((row) => row.slug),
    lawyers: lawyers.map((row) => row.slug),
    facilities: facilities.map((row) => row.slug),
  };
}
