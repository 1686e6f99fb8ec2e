import "server-only";
import { untilNextChange } from "../cache/page-cache";
import { prisma } from "../db/client";
import { Prisma } from "../db/generated/client";
import { fromIsoDay, toIsoDay, todayUtc, type IsoDay } from "../dates";
import { DIRECTORY_PAGE_SIZE, directoryParams, type DirectoryParams } from "../validation/directory";
import {
  imprisonedOn,
  provenBy,
  statusFromPeriod,
  statusPeriodOn,
  type CustodyStatus,
  type StatusPeriodRow,
} from "./custody-status";
import { parseInput } from "./parse";

/**
 * The public directory of prisoners: search by any recorded name form, filter, sort, page.
 *
 * Only published people, and of their facts only published ones (cases, charges, hearings,
 * custody periods, placements; published courts and facilities). Nothing here reads a
 * *_private table. Custody status, "imprisoned now" and "released" come from the rule in
 * custody-status.ts, composed from its SQL fragments rather than restated.
 */

export type DirectoryEntry = {
  id: string;
  slug: string;
  fullName: string;
  status: CustodyStatus;
  categories: { slug: string; name: string }[];
};

export type DirectoryResult = {
  entries: DirectoryEntry[];
  /** People matching the search and filters, on every page. */
  total: number;
  /** The page shown: the one asked for, or the last page when that is beyond the end. */
  page: number;
  pageCount: number;
  pageSize: number;
  /** The page the caller asked for, when it was beyond the last page. */
  pageBeyondEnd: number | null;
  /** The day status was derived for (UTC). */
  on: IsoDay;
};

/**
 * `%word%` for ILIKE against prisoner.search_text: folded as the stored text is folded, then
 * with the pattern characters escaped, so that "%" or "_" in a query match only themselves.
 */
export function namePattern(word: string): Prisma.Sql {
  return Prisma.sql`'%' || replace(replace(replace(search_fold(${word}),
    ${"\\"}, ${"\\\\"}), ${"%"}, ${"\\%"}), ${"_"}, ${"\\_"}) || '%'`;
}

/** The custody period `c` is in force on `day`: proven to have begun and not yet ended. */
function inForceOn(day: Date): Prisma.Sql {
  return Prisma.sql`${provenBy(day)} AND (c.end_date IS NULL OR c.end_date > ${day}::date)`;
}

function matching(params: DirectoryParams, day: Date): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`p.state = 'PUBLISHED'`];

  // Each word must appear in some name form: "ismayilova khadija" finds "Khadija Ismayilova".
  for (const word of params.q ? params.q.split(" ") : []) {
    conditions.push(Prisma.sql`p.search_text ILIKE ${namePattern(word)}`);
  }

  if (params.status === "imprisoned") {
    conditions.push(imprisonedOn(day));
  } else if (params.status === "released") {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM custody_period c WHERE c.prisoner_id = p.id AND ${provenBy(day)})
      AND NOT ${imprisonedOn(day)}`);
  }

  if (params.category) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM prisoner_category pc
      JOIN category cat ON cat.id = pc.category_id
      WHERE pc.prisoner_id = p.id AND cat.slug = ${params.category})`);
  }

  if (params.facility) {
    // Where the person is held now: the latest placement of the custody period in force.
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM custody_period c
      WHERE c.prisoner_id = p.id AND ${inForceOn(day)}
        AND (SELECT pl.facility_id FROM placement pl
             WHERE pl.custody_period_id = c.id AND pl.state = 'PUBLISHED' AND pl.from_date <= ${day}::date
             ORDER BY pl.from_date DESC LIMIT 1)
          = (SELECT f.id FROM facility f WHERE f.slug = ${params.facility} AND f.state = 'PUBLISHED'))`);
  }

  if (params.court) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM hearing h
      JOIN criminal_case k ON k.id = h.case_id
      JOIN court ct ON ct.id = h.court_id
      WHERE k.prisoner_id = p.id AND k.state = 'PUBLISHED' AND h.state = 'PUBLISHED'
        AND ct.state = 'PUBLISHED' AND ct.slug = ${params.court})`);
  }

  if (params.article) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM charge ch
      JOIN criminal_case k ON k.id = ch.case_id
      WHERE k.prisoner_id = p.id AND k.state = 'PUBLISHED' AND ch.state = 'PUBLISHED'
        AND ch.article_id = ${params.article}::uuid)`);
  }

  if (params.gender) {
    conditions.push(Prisma.sql`p.gender = ${params.gender}::"Gender"`);
  }

  if (params.year !== undefined) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM custody_period c
      WHERE c.prisoner_id = p.id AND ${provenBy(day)}
        AND c.start_date >= make_date(${params.year}::int, 1, 1)
        AND c.start_date < make_date(${params.year}::int + 1, 1, 1))`);
  }

  return Prisma.join(conditions, " AND ");
}

type EntryRow = { id: string; slug: string; full_name: string; sort_name: string; sort_arrest: Date | null } & {
  [Key in keyof StatusPeriodRow]: StatusPeriodRow[Key] | null;
};

/**
 * Where a row stands in the directory's order: its arrest date (for "arrested" sorting), its
 * folded name, its name as written, and its id to break the last tie. The order is total, so a
 * key names one position and "the rows after it" is well defined across pages.
 */
export type DirectoryKey = { arrest: IsoDay | null; sortName: string; fullName: string; id: string };

type Window = { limit: number; offset?: number; after?: DirectoryKey };

/** Rows after `key` in ORDER BY sort_arrest DESC NULLS LAST, sort_name, full_name, id. */
function afterKey(key: DirectoryKey): Prisma.Sql {
  const rest = Prisma.sql`(k.sort_name, k.full_name, k.id) > (${key.sortName}, ${key.fullName}, ${key.id}::uuid)`;
  if (key.arrest === null) return Prisma.sql`k.sort_arrest IS NULL AND ${rest}`;
  const arrest = Prisma.sql`${key.arrest}::date`;
  return Prisma.sql`(k.sort_arrest < ${arrest} OR k.sort_arrest IS NULL OR (k.sort_arrest = ${arrest} AND ${rest}))`;
}

/**
 * The rows of one window of the directory's order, each with its status on `day`. The window is
 * chosen first and only its rows get their status, so a window costs the sort and one status
 * lookup per row however many people match. Names sort as they are searched: "İlqar" with
 * "Ilgar", "Əli" with "Eli", not after "Z".
 */
async function windowRows(params: DirectoryParams, day: Date, window: Window): Promise<EntryRow[]> {
  const byArrest = params.sort === "arrested";
  return prisma.$queryRaw<EntryRow[]>`
    SELECT page.id, page.slug, page.full_name, page.sort_name, page.sort_arrest, s.kind, s.start_date,
      s.start_precision, s.start_qualifier, s.end_date, s.end_precision, s.release_reason
    FROM (
      SELECT k.* FROM (
        SELECT p.id, p.slug, p.full_name, search_fold(p.full_name) AS sort_name,
          ${byArrest ? Prisma.sql`arrest.start_date` : Prisma.sql`NULL::date`} AS sort_arrest
        FROM prisoner p
        ${byArrest ? Prisma.sql`LEFT JOIN LATERAL (${statusPeriodOn(day, Prisma.sql`p.id`)}) arrest ON true` : Prisma.empty}
        WHERE ${matching(params, day)}
      ) k
      ${window.after ? Prisma.sql`WHERE ${afterKey(window.after)}` : Prisma.empty}
      ORDER BY k.sort_arrest DESC NULLS LAST, k.sort_name, k.full_name, k.id
      LIMIT ${window.limit} OFFSET ${window.offset ?? 0}
    ) page
    LEFT JOIN LATERAL (${statusPeriodOn(day, Prisma.sql`page.id`)}) s ON true
    ORDER BY page.sort_arrest DESC NULLS LAST, page.sort_name, page.full_name, page.id`;
}

async function toEntries(rows: EntryRow[], day: Date): Promise<DirectoryEntry[]> {
  const categories = await prisma.prisonerCategory.findMany({
    where: { prisonerId: { in: rows.map((row) => row.id) } },
    select: { prisonerId: true, category: { select: { slug: true, name: true } } },
    orderBy: { category: { name: "asc" } },
  });
  return rows.map((row): DirectoryEntry => {
    const period = row.kind === null ? null : (row as StatusPeriodRow);
    return {
      id: row.id,
      slug: row.slug,
      fullName: row.full_name,
      status: statusFromPeriod(period, day),
      categories: categories.filter((link) => link.prisonerId === row.id).map((link) => link.category),
    };
  });
}

function keyOf(row: EntryRow): DirectoryKey {
  return {
    arrest: row.sort_arrest ? toIsoDay(row.sort_arrest) : null,
    sortName: row.sort_name,
    fullName: row.full_name,
    id: row.id,
  };
}

/**
 * One page of the directory. `input` is checked against the directory schema (the page passes
 * what parseDirectoryParams gave it); status is derived for `on`, today by default.
 */
export async function searchDirectory(
  input: Partial<DirectoryParams>,
  on: IsoDay = todayUtc(),
): Promise<DirectoryResult> {
  const params = parseInput(directoryParams, input);
  const day = fromIsoDay(on);

  const [{ total }] = await prisma.$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS total FROM prisoner p WHERE ${matching(params, day)}`;
  const pageCount = Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE));
  const page = Math.min(params.page, pageCount);
  const rows =
    total === 0
      ? []
      : await windowRows(params, day, { limit: DIRECTORY_PAGE_SIZE, offset: (page - 1) * DIRECTORY_PAGE_SIZE });

  return {
    entries: await toEntries(rows, day),
    total,
    page,
    pageCount,
    pageSize: DIRECTORY_PAGE_SIZE,
    pageBeyondEnd: params.page > pageCount ? params.page : null,
    on,
  };
}

export type DirectorySlice = {
  entries: DirectoryEntry[];
  /** The key of the last entry, when more may follow; null at the end. */
  next: DirectoryKey | null;
};

/**
 * Up to `limit` entries after `after` (from the start without it), in the directory's order
 * and with its search and filters: the keyset counterpart of searchDirectory, for the API and
 * the exports. A slice costs the same wherever it is, and concurrent edits shift no one into a
 * page already read. `page` in `input` is ignored.
 */
export async function directorySlice(
  input: Partial<DirectoryParams>,
  window: { limit: number; after?: DirectoryKey | null },
  on: IsoDay = todayUtc(),
): Promise<DirectorySlice> {
  const params = parseInput(directoryParams, { ...input, page: undefined });
  const day = fromIsoDay(on);
  // One row more than asked tells whether another slice follows, without a count.
  const rows = await windowRows(params, day, { limit: window.limit + 1, after: window.after ?? undefined });
  const more = rows.length > window.limit;
  const kept = more ? rows.slice(0, window.limit) : rows;
  return { entries: await toEntries(kept, day), next: more ? keyOf(kept[kept.length - 1]) : null };
}

export type Choice<Value extends string | number = string> = { value: Value; label: string };

export type DirectoryChoices = {
  categories: Choice[];
  facilities: Choice[];
  courts: Choice[];
  articles: Choice[];
  years: Choice<number>[];
};

const numeric = new Intl.Collator("en", { numeric: true });
/** The code an article belongs to unless it says otherwise (the schema's default). */
const DEFAULT_CODE = "Criminal Code of the Republic of Azerbaijan";

/**
 * What the directory's filters offer. Articles and years come only from published facts of
 * published people, so a draft cannot show through a filter's options.
 */
export async function listDirectoryChoices(on: IsoDay = todayUtc()): Promise<DirectoryChoices> {
  const day = fromIsoDay(on);
  const publicCharge = { state: "PUBLISHED", case: { state: "PUBLISHED", prisoner: { state: "PUBLISHED" } } } as const;
  const [categories, facilities, courts, articles, years] = await Promise.all([
    prisma.category.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } }),
    prisma.facility.findMany({
      where: { state: "PUBLISHED" },
      select: { slug: true, name: true },
      orderBy: { name: "asc" },
    }),
    prisma.court.findMany({
      where: { state: "PUBLISHED" },
      select: { slug: true, name: true },
      orderBy: { name: "asc" },
    }),
    prisma.criminalCodeArticle.findMany({
      where: { charges: { some: publicCharge } },
      select: { id: true, article: true, code: true, title: true },
    }),
    prisma.$queryRaw<{ year: number }[]>`
      SELECT DISTINCT extract(year FROM c.start_date)::int AS year
      FROM custody_period c JOIN prisoner p ON p.id = c.prisoner_id
      WHERE p.state = 'PUBLISHED' AND ${provenBy(day)}
      ORDER BY year DESC`,
  ]);

  return {
    categories: categories.map((row) => ({ value: row.slug, label: row.name })),
    facilities: facilities.map((row) => ({ value: row.slug, label: row.name })),
    courts: courts.map((row) => ({ value: row.slug, label: row.name })),
    articles: articles
      .sort((a, b) => a.code.localeCompare(b.code) || numeric.compare(a.article, b.article))
      .map((row) => ({
        value: row.id,
        label: `Article ${row.article}${row.title ? `: ${row.title}` : ""}${row.code === DEFAULT_CODE ? "" : ` (${row.code})`}`,
      })),
    years: years.map((row) => ({ value: row.year, label: String(row.year) })),
  };
}

const choicesUntilNextChange = untilNextChange(async () => {
  const day = todayUtc();
  return { day, choices: await listDirectoryChoices(day) };
});

/**
 * Today's filter choices, computed once and kept in memory until the next announced change to
 * the public record (the same signal that empties the page cache, lib/cache/page-cache.ts).
 */
export async function directoryChoicesNow(): Promise<DirectoryChoices> {
  const kept = await choicesUntilNextChange();
  return kept.day === todayUtc() ? kept.choices : listDirectoryChoices();
}
