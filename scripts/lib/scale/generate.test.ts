import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { dayOf, matchesPrecision } from "./days";
import { generatePrisoners, generateUpdates, type LawyerLink } from "./generate";
import { REAL_NAME_TOKENS } from "./names";
import { FICTITIOUS_MARKER, generateReference, type ScaleOptions } from "./reference";
import type { Rows } from "./tables";

// Pure: no database. 3,000 prisoners cover every branch of the generator in about a second.
const options: ScaleOptions = { seed: 7, prisoners: 3000, asOf: "2026-11-27" };

function generate(settings: ScaleOptions = options, batch = settings.prisoners): { rows: Rows; links: LawyerLink[] } {
  const reference = generateReference(settings);
  const rows = reference.rows;
  const links: LawyerLink[] = [];
  for (let from = 0; from < settings.prisoners; from += batch) {
    generatePrisoners(reference, from, Math.min(settings.prisoners, from + batch), rows, links);
  }
  generateUpdates(reference, rows);
  return { rows, links };
}

const { rows } = generate();

/** Names of the real people in the demo data set, read from the demo seed itself. */
function demoNames(): string[] {
  const source = fs.readFileSync("prisma/seed/demo.ts", "utf8");
  const names = [
    ...source.matchAll(/(?:fullName|value): "([^"]+)"/g),
    ...source.matchAll(/\["[a-z]+-[a-z]+", "([A-Z][a-z]+ [A-Z][a-z]+)"\]/g),
  ].map((match) => match[1]);
  expect(names).toEqual(expect.arrayContaining(["Leyla Yunus", "Интигам Алиев", "Shahin Novruzlu", "Alayif Hasanov"]));
  return names;
}

function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/ə/g, "e")
    .replace(/ı/g, "i");
}

describe("the synthetic data set", () => {
  it("is the same for the same seed, whatever the batch size, and differs for another seed", () => {
    const again = generate(options, 700).rows;
    expect(again).toEqual(rows);
    const other = generate({ ...options, seed: 8 }).rows;
    expect(other.prisoner.map((row) => row.full_name)).not.toEqual(rows.prisoner.map((row) => row.full_name));
  });

  it("names no real person and marks every person as fictitious", () => {
    const realNames = demoNames().map(fold);
    const realWords = new Set([...realNames.flatMap((name) => name.split(/\s+/)), ...REAL_NAME_TOKENS]);
    const generated = [
      ...rows.prisoner.map((row) => row.full_name as string),
      ...rows.prisoner_name.map((row) => row.value as string),
      ...rows.lawyer.map((row) => row.full_name as string),
      ...rows.judge.map((row) => row.full_name as string),
    ];
    expect(generated.length).toBeGreaterThan(8000);
    for (const name of generated) {
      const folded = fold(name);
      expect(realNames).not.toContain(folded);
      for (const word of folded.split(/\s+/)) expect(realWords.has(word), `${name} uses "${word}"`).toBe(false);
    }
    for (const row of rows.prisoner) expect(row.biography).toContain(FICTITIOUS_MARKER);
  });

  it("gives names in several scripts, with diacritics, so that search meets real variety", () => {
    const values = rows.prisoner_name.map((row) => row.value as string);
    expect(values.some((value) => /[əıöüşçğ]/i.test(value))).toBe(true);
    expect(rows.prisoner_name.filter((row) => row.script === "Cyrl").length).toBeGreaterThan(rows.prisoner.length / 3);
    expect(values.every((value) => !/[əıöüşçğ]/i.test(value) || !/[а-я]/i.test(value))).toBe(true);
  });

  it("never overlaps two custody periods of one person, and leaves at most the last one open", () => {
    const byPrisoner = new Map<string, { start: number; end: number | null }[]>();
    for (const row of rows.custody_period) {
      const list = byPrisoner.get(row.prisoner_id as string) ?? [];
      list.push({ start: dayOf(row.start_date as string), end: row.end_date === null ? null : dayOf(row.end_date as string) });
      byPrisoner.set(row.prisoner_id as string, list);
    }
    expect(byPrisoner.size).toBe(options.prisoners);
    for (const periods of byPrisoner.values()) {
      periods.sort((a, b) => a.start - b.start);
      periods.forEach((period, index) => {
        if (period.end !== null) expect(period.end).toBeGreaterThanOrEqual(period.start);
        const next = periods[index + 1];
        if (next) {
          expect(period.end).not.toBeNull();
          // daterange(start, end, '[)'): the next period may begin on the day of release at the earliest.
          expect(next.start).toBeGreaterThanOrEqual(period.end!);
        }
      });
    }
    const open = rows.custody_period.filter((row) => row.end_date === null).length / rows.custody_period.length;
    expect(open).toBeGreaterThan(0.1);
    expect(open).toBeLessThan(0.2);
  });

  it("stores every date as its precision requires, and nothing held or released after the as-of day", () => {
    const asOf = dayOf(options.asOf);
    const dated: [string, unknown, unknown][] = [
      ...rows.prisoner.map((row) => ["birth", row.birth_date, row.birth_precision] as [string, unknown, unknown]),
      ...rows.custody_period.flatMap((row) => [
        ["custody start", row.start_date, row.start_precision] as [string, unknown, unknown],
        ["custody end", row.end_date, row.end_precision] as [string, unknown, unknown],
      ]),
      ...rows.placement.map((row) => ["placement", row.from_date, row.from_precision] as [string, unknown, unknown]),
      ...rows.hearing.filter((row) => row.status === "HELD").map((row) => ["hearing", row.date, row.date_precision] as [string, unknown, unknown]),
      ...rows.verdict.map((row) => ["verdict", row.date, row.date_precision] as [string, unknown, unknown]),
      ...rows.criminal_case.map((row) => ["case", row.opened_date, row.opened_precision] as [string, unknown, unknown]),
      ...rows.recognition.map((row) => ["recognition", row.since_date, row.since_precision] as [string, unknown, unknown]),
      ...rows.affiliation.map((row) => ["affiliation", row.since_date, row.since_precision] as [string, unknown, unknown]),
      ...rows.advocacy_update.map((row) => ["update", row.date, row.date_precision] as [string, unknown, unknown]),
      ...rows.decree.map((row) => ["decree", row.signed_date, row.signed_precision] as [string, unknown, unknown]),
    ];
    const precisions = new Set<unknown>();
    for (const [what, date, precision] of dated) {
      expect(date === null, `${what}: date and precision come together`).toBe(precision === null);
      if (date === null) continue;
      precisions.add(precision);
      const day = dayOf(date as string);
      expect(matchesPrecision(day, precision as "DAY" | "MONTH" | "YEAR"), `${what} ${date} ${precision}`).toBe(true);
      expect(day, `${what} ${date}`).toBeLessThanOrEqual(asOf);
      if (what !== "birth") expect(day).toBeGreaterThanOrEqual(dayOf("2000-01-01"));
    }
    expect([...precisions].sort()).toEqual(["DAY", "MONTH", "YEAR"]);
  });

  it("keeps placements within their custody period and releases by decree on or after the decree", () => {
    const periods = new Map(rows.custody_period.map((row) => [row.id as string, row]));
    for (const placement of rows.placement) {
      const period = periods.get(placement.custody_period_id as string)!;
      expect(placement.from_date! >= period.start_date!).toBe(true);
      if (period.end_date !== null) expect(placement.from_date! <= period.end_date!).toBe(true);
    }
    const decrees = new Map(rows.decree.map((row) => [row.id as string, row]));
    const freed = rows.custody_period.filter((row) => row.release_decree_id !== null);
    expect(freed.length).toBeGreaterThan(100);
    for (const period of freed) {
      expect(["PARDON", "AMNESTY"]).toContain(period.release_reason);
      expect(period.end_date! >= decrees.get(period.release_decree_id as string)!.signed_date!).toBe(true);
    }
    expect(rows.decree_beneficiary).toHaveLength(freed.length);
    for (const extension of rows.detention_extension) expect(extension.until! > extension.ordered_on!).toBe(true);
    for (const appeal of rows.appeal) {
      if (appeal.decided_date !== null) expect(appeal.decided_date >= appeal.filed_date!).toBe(true);
      else expect(appeal.result).toBe("PENDING");
    }
  });
});
