import { countImprisoned, listImprisoned } from "../../../lib/data/custody-status";
import { todayUtc } from "../../../lib/dates";
import { prisma } from "../../../lib/db/client";
import { Prisma } from "../../../lib/db/generated/client";
import { summarize, type Summary } from "./stats";

/**
 * The queries behind the count and the directory, timed where the app runs them: through the
 * data layer and its Prisma client, one call after another (no concurrency), after a warm-up.
 */

export type SearchTerm = { label: string; term: string };

/**
 * A directory-like search, as the prisoner directory runs it: one page of published people
 * whose folded names contain the folded term, and how many match in all (or, with countCap,
 * "more than countCap"). It mirrors the documented search (docs/data-model.md) so that it can
 * be judged before the directory exists.
 */
export async function searchDirectory(
  term: string,
  countCap?: number,
): Promise<{ total: number; page: { slug: string; full_name: string }[] }> {
  const matches = Prisma.sql`p.state = 'PUBLISHED' AND p.search_text ILIKE '%' || search_fold(${term}) || '%'`;
  const [page, total] = await Promise.all([
    prisma.$queryRaw<{ slug: string; full_name: string }[]>`
      SELECT p.slug, p.full_name FROM prisoner p WHERE ${matches} ORDER BY p.full_name, p.id LIMIT 50`,
    countCap === undefined
      ? prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM prisoner p WHERE ${matches}`
      : prisma.$queryRaw<{ count: number }[]>`
          SELECT count(*)::int AS count FROM (SELECT 1 FROM prisoner p WHERE ${matches} LIMIT ${countCap + 1}) capped`,
  ]);
  return { total: total[0].count, page };
}

/** Real terms from the data set: a whole family name, its first letters, its native and Cyrillic spellings. */
export async function pickSearchTerms(): Promise<SearchTerm[]> {
  const [latin] = await prisma.$queryRaw<{ value: string; prisoner_id: string }[]>`
    SELECT n.value, n.prisoner_id FROM prisoner_name n JOIN prisoner p ON p.id = n.prisoner_id
    WHERE p.state = 'PUBLISHED' AND n.kind = 'TRANSLITERATION' AND n.script = 'Latn'
    ORDER BY p.slug LIMIT 1 OFFSET 4242`;
  const forms = await prisma.$queryRaw<{ value: string; script: string; kind: string }[]>`
    SELECT value, script, kind::text AS kind FROM prisoner_name WHERE prisoner_id = ${latin.prisoner_id}::uuid`;
  const family = (value: string) => value.split(" ").at(-1) ?? value;
  const native = forms.find((form) => form.kind === "NATIVE_SCRIPT");
  const cyrillic = forms.find((form) => form.script === "Cyrl");
  const surname = family(latin.value);
  return [
    { label: "family name", term: surname },
    { label: "first 4 letters", term: surname.slice(0, 4) },
    { label: "2 letters", term: surname.slice(0, 2) },
    ...(native ? [{ label: "with diacritics", term: family(native.value) }] : []),
    ...(cyrillic ? [{ label: "Cyrillic", term: family(cyrillic.value) }] : []),
    { label: "no match", term: "qqxqq" },
  ];
}

async function time(calls: number, work: () => Promise<unknown>): Promise<number[]> {
  for (let index = 0; index < Math.min(10, calls); index++) await work();
  const samples: number[] = [];
  for (let index = 0; index < calls; index++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return samples;
}

export type DataLayerResult = { label: string; detail: string; summary: Summary };

export async function measureDataLayer(calls: number, terms: SearchTerm[]): Promise<DataLayerResult[]> {
  const results: DataLayerResult[] = [];
  const count = await countImprisoned();
  results.push({ label: "countImprisoned()", detail: `${count.count} people`, summary: summarize(await time(calls, () => countImprisoned())) });
  const listed = (await listImprisoned()).length;
  results.push({
    label: "listImprisoned() (home page list)",
    detail: `${listed} rows`,
    summary: summarize(await time(Math.max(5, Math.round(calls / 5)), () => listImprisoned())),
  });
  const pooled: number[] = [];
  for (const { label, term } of terms) {
    const found = await searchDirectory(term);
    const samples = await time(calls, () => searchDirectory(term));
    results.push({ label: `search: ${label}`, detail: `"${term}", ${found.total} matches`, summary: summarize(samples) });
    pooled.push(...samples);
  }
  results.push({ label: "search: all terms above", detail: "page of 50 and total, together", summary: summarize(pooled) });
  const short = terms.find((term) => term.label === "2 letters");
  if (short) {
    const found = await searchDirectory(short.term, 1000);
    results.push({
      label: "search: 2 letters, total capped",
      detail: `"${short.term}", total shown as ${found.total > 1000 ? "more than 1000" : found.total}`,
      summary: summarize(await time(calls, () => searchDirectory(short.term, 1000))),
    });
  }
  return results;
}

/** EXPLAIN ANALYZE of the count's two queries and of searches, for docs/benchmarks.md. */
export async function explainQueries(terms: SearchTerm[]): Promise<{ label: string; plan: string }[]> {
  const today = todayUtc();
  const explain = async (sql: string, ...parameters: unknown[]) =>
    (await prisma.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, ...parameters))
      .map((row) => row["QUERY PLAN"])
      .join("\n");
  // The same SQL as countImprisoned() in lib/data/custody-status.ts.
  const detained = `c.kind = 'DETENTION' AND c.state = 'PUBLISHED'
    AND status_counted_from(c.start_date, c.start_precision, c.start_qualifier) <= $1::date
    AND (c.end_date IS NULL OR c.end_date > $1::date)`;
  const plans = [
    {
      label: "count (countImprisoned)",
      plan: await explain(
        `SELECT count(*)::int AS count FROM prisoner p WHERE p.state = 'PUBLISHED'
         AND EXISTS (SELECT 1 FROM custody_period c WHERE c.prisoner_id = p.id AND ${detained})`,
        today,
      ),
    },
    {
      label: "custody records last changed (countImprisoned)",
      plan: await explain(
        `SELECT c.updated_at FROM custody_period c WHERE c.state = 'PUBLISHED'
         AND EXISTS (SELECT 1 FROM prisoner p WHERE p.id = c.prisoner_id AND p.state = 'PUBLISHED')
         ORDER BY c.updated_at DESC LIMIT 1`,
      ),
    },
  ];
  const matches = `p.state = 'PUBLISHED' AND p.search_text ILIKE '%' || search_fold($1) || '%'`;
  for (const { label, term } of terms.filter((candidate) => ["first 4 letters", "2 letters"].includes(candidate.label))) {
    plans.push({
      label: `search page, ${label} ("${term}")`,
      plan: await explain(`SELECT p.slug, p.full_name FROM prisoner p WHERE ${matches} ORDER BY p.full_name, p.id LIMIT 50`, term),
    });
    plans.push({
      label: `search total, ${label} ("${term}")`,
      plan: await explain(`SELECT count(*)::int FROM prisoner p WHERE ${matches}`, term),
    });
  }
  return plans;
}
