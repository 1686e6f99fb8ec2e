import "server-only";
import { prisma } from "../db/client";
import type { Gender } from "../db/generated/enums";
import { fromIsoDay, todayUtc, type IsoDay } from "../dates";
import type { DirectoryParams } from "../validation/directory";
import type { CustodyStatus } from "./custody-status";
import { directorySlice, type DirectoryKey } from "./directory";
import { heldOn } from "./facilities";

/**
 * The public data set of people, for the exports: the directory's rows (same search, filters,
 * order and status rule) with the few more public fields a table of people wants. Read in
 * batches by keyset, so an export of any size holds one batch in memory at a time.
 */

export type ExportRow = {
  slug: string;
  fullName: string;
  gender: Gender;
  status: CustodyStatus;
  categories: { slug: string; name: string }[];
  /** Where the person is held on the day, when that is recorded publicly. */
  heldAt: { slug: string; name: string } | null;
};

/**
 * Rows per query. Each query sorts every match to find its window (there is no index on the
 * folded name to walk), so fewer, larger batches cost less in all; 2,000 rows are about 1 MB.
 */
export const EXPORT_BATCH_SIZE = 2000;

async function batchAfter(
  params: Partial<DirectoryParams>,
  after: DirectoryKey | null,
  size: number,
  on: IsoDay,
): Promise<{ rows: ExportRow[]; next: DirectoryKey | null }> {
  const slice = await directorySlice(params, { limit: size, after }, on);
  const ids = slice.entries.map((entry) => entry.id);
  if (ids.length === 0) return { rows: [], next: null };
  const [genders, held] = await Promise.all([
    prisma.prisoner.findMany({ where: { id: { in: ids }, state: "PUBLISHED" }, select: { id: true, gender: true } }),
    prisma.$queryRaw<{ prisoner_id: string; slug: string; name: string }[]>`
      SELECT held.prisoner_id, f.slug, f.name
      FROM (${heldOn(fromIsoDay(on))}) held
      JOIN facility f ON f.id = held.facility_id AND f.state = 'PUBLISHED'
      WHERE held.prisoner_id = ANY(${ids}::uuid[])`,
  ]);
  const genderOf = new Map(genders.map((row) => [row.id, row.gender]));
  const heldAt = new Map(held.map((row) => [row.prisoner_id, { slug: row.slug, name: row.name }]));
  return {
    rows: slice.entries.map((entry) => ({
      slug: entry.slug,
      fullName: entry.fullName,
      gender: genderOf.get(entry.id) ?? "UNSPECIFIED",
      status: entry.status,
      categories: entry.categories,
      heldAt: heldAt.get(entry.id) ?? null,
    })),
    next: slice.next,
  };
}

/**
 * Every published person matching `params`, one batch at a time, status as of `on`. Each batch
 * is read only when the consumer asks for it: a slow download holds the next query back.
 */
export async function* exportBatches(
  params: Partial<DirectoryParams>,
  options: { on?: IsoDay; batchSize?: number } = {},
): AsyncGenerator<ExportRow[]> {
  const on = options.on ?? todayUtc();
  const size = options.batchSize ?? EXPORT_BATCH_SIZE;
  let after: DirectoryKey | null = null;
  do {
    const batch = await batchAfter(params, after, size, on);
    if (batch.rows.length > 0) yield batch.rows;
    after = batch.next;
  } while (after !== null);
}

