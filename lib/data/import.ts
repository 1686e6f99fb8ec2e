import "server-only";
import { randomUUID } from "node:crypto";
import { prisma, type Transaction } from "../db/client";
import type { DatePrecision, PublicationState } from "../db/generated/enums";
import { fromIsoDay, toIsoDay } from "../dates";
import type { FieldErrors } from "../validation/common";
import { birthKey, parseImportFile, type ImportRow } from "../validation/import";
import { writeAuditMany, type Actor, type AuditRecord } from "./audit";
import { RuleViolation, explainDatabaseError, ruleViolation } from "./errors";

/**
 * Bulk import of people from a CSV file (docs/import.md, decision 0018).
 *
 * The import only adds facts: a person, their categories, charges on a case, an arrest with
 * its first placement, and the source that supports them. It never changes or removes what
 * the record already holds, so importing a file twice changes nothing the second time.
 *
 * previewImport and applyImport share one planner: the preview is exactly what the import
 * would write, and the import plans again inside its transaction so that nothing written in
 * between is duplicated.
 */

export const importActor: Actor = { kind: "process", label: "import" };

export type RowStatus = "new" | "changed" | "unchanged" | "error";

export type RowOutcome = {
  /** Row number as a spreadsheet shows it: the header is row 1. */
  line: number;
  fullName: string;
  status: RowStatus;
  /** What importing the row adds, in words. */
  changes: string[];
  errors: FieldErrors;
};

export type ImportPreview = {
  delimiter: "," | ";";
  fileErrors: string[];
  missingColumns: string[];
  extraColumns: string[];
  rows: RowOutcome[];
  counts: Record<RowStatus, number>;
  newCategories: string[];
  newArticles: string[];
  /** True when the file has no file error and no row error. */
  importable: boolean;
};

export type ImportResult = {
  preview: ImportPreview;
  created: Record<CreatedKind, number>;
};

type CreatedKind =
  | "prisoners"
  | "categories"
  | "categoryLinks"
  | "cases"
  | "articles"
  | "charges"
  | "custodyPeriods"
  | "placements"
  | "sources"
  | "citations";

type Db = Transaction;

// ---------------------------------------------------------------------------------------------
// What is already in the record, read once per import

type ExistingPrisoner = {
  id: string;
  fullName: string;
  externalId: string | null;
  birthDate: Date | null;
  birthPrecision: DatePrecision | null;
  state: PublicationState;
  categoryIds: Set<string>;
  caseId: string | null;
  chargedArticleIds: Set<string>;
  custody: { id: string; start: string; precision: DatePrecision; end: string | null; hasPlacement: boolean }[];
  citedSourceIds: Set<string>;
};

const normalizeName = (value: string) => value.normalize("NFC").trim().replace(/\s+/g, " ");
const normalizeKey = (value: string) => normalizeName(value).toLocaleLowerCase("en");

function slugFor(fullName: string, id: string): string {
  const base = fullName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ə/g, "e")
    .replace(/ı/g, "i")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${base || "person"}-${id.slice(0, 8)}`;
}

async function readExisting(db: Db, rows: ImportRow[]) {
  const externalIds = [...new Set(rows.flatMap((row) => (row.external_id ? [row.external_id] : [])))];
  const names = [...new Set(rows.map((row) => normalizeName(row.full_name)))];
  const articles = [...new Set(rows.flatMap((row) => row.charges))];
  const urls = [...new Set(rows.map((row) => row.source_url))];

  // One query after another: inside a transaction they share one connection.
  const people = await db.prisoner.findMany({
    where: { OR: [{ externalId: { in: externalIds } }, { fullName: { in: names } }] },
    select: {
      id: true,
      fullName: true,
      externalId: true,
      birthDate: true,
      birthPrecision: true,
      state: true,
      categories: { select: { categoryId: true } },
      cases: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, charges: { select: { articleId: true } } },
      },
      custodyPeriods: {
        where: { state: { not: "ARCHIVED" } },
        select: { id: true, startDate: true, startPrecision: true, endDate: true, _count: { select: { placements: true } } },
      },
      citations: { select: { sourceId: true } },
    },
  });
  const categories = await db.category.findMany({ select: { id: true, slug: true, name: true } });
  const facilities = await db.facility.findMany({
    where: { state: { not: "ARCHIVED" } },
    select: { id: true, name: true, aliases: true },
  });
  const knownArticles = await db.criminalCodeArticle.findMany({
    where: { article: { in: articles }, code: "Criminal Code of the Republic of Azerbaijan" },
    select: { id: true, article: true },
  });
  const sources = await db.source.findMany({
    where: { url: { in: urls }, state: { not: "ARCHIVED" } },
    orderBy: { createdAt: "asc" },
    select: { id: true, url: true },
  });

  const prisoners: ExistingPrisoner[] = people.map((person) => ({
    id: person.id,
    fullName: person.fullName,
    externalId: person.externalId,
    birthDate: person.birthDate,
    birthPrecision: person.birthPrecision,
    state: person.state,
    categoryIds: new Set(person.categories.map((link) => link.categoryId)),
    caseId: person.cases[0]?.id ?? null,
    chargedArticleIds: new Set(
      (person.cases[0]?.charges ?? []).flatMap((charge) => (charge.articleId ? [charge.articleId] : [])),
    ),
    custody: person.custodyPeriods.map((period) => ({
      id: period.id,
      start: toIsoDay(period.startDate),
      precision: period.startPrecision,
      end: period.endDate ? toIsoDay(period.endDate) : null,
      hasPlacement: period._count.placements > 0,
    })),
    citedSourceIds: new Set(person.citations.map((citation) => citation.sourceId)),
  }));

  const facilityByName = new Map<string, string[]>();
  for (const facility of facilities) {
    for (const name of new Set([facility.name, ...facility.aliases].map(normalizeKey))) {
      facilityByName.set(name, [...(facilityByName.get(name) ?? []), facility.id]);
    }
  }
  const categoryByName = new Map<string, string>();
  const categoryNames = new Map(categories.map((category) => [category.id, category.name]));
  for (const category of categories) {
    categoryByName.set(normalizeKey(category.name), category.id);
    categoryByName.set(normalizeKey(category.slug), category.id);
  }
  const sourceByUrl = new Map<string, string>();
  for (const source of sources) if (source.url && !sourceByUrl.has(source.url)) sourceByUrl.set(source.url, source.id);

  return {
    prisoners,
    facilityByName,
    categoryByName,
    categoryNames,
    categorySlugs: new Set(categories.map((category) => category.slug)),
    articleByNumber: new Map(knownArticles.map((article) => [article.article, article.id])),
    sourceByUrl,
  };
}

// ---------------------------------------------------------------------------------------------
// The plan: every record the import would create, with its id chosen in advance

type Plan = {
  categories: { id: string; slug: string; name: string }[];
  articles: { id: string; article: string }[];
  sources: { id: string; kind: "WEB_PAGE"; title: string; url: string }[];
  /** Per row, in file order, so that the import can report progress as it goes. */
  rows: RowPlan[];
};

type RowPlan = {
  prisoner?: {
    id: string;
    slug: string;
    fullName: string;
    externalId: string | null;
    birthDate: Date | null;
    birthPrecision: DatePrecision | null;
    state: PublicationState;
  };
  /** An existing person whose external id the import records. */
  externalIdFor?: { id: string; externalId: string };
  categoryLinks: { prisonerId: string; categoryId: string }[];
  criminalCase?: { id: string; prisonerId: string; title: string };
  charges: { id: string; caseId: string; articleId: string }[];
  custodyPeriod?: {
    id: string;
    prisonerId: string;
    caseId: string | null;
    startDate: Date;
    startPrecision: DatePrecision;
  };
  placement?: { id: string; custodyPeriodId: string; facilityId: string; fromDate: Date; fromPrecision: DatePrecision };
  citations: { id: string; sourceId: string; prisonerId?: string; custodyPeriodId?: string }[];
};

function emptyRowPlan(): RowPlan {
  return { categoryLinks: [], charges: [], citations: [] };
}

/** The facility a row names, by its name or an alias, or why there is none. */
function facilityOf(facilityByName: Map<string, string[]>, place: string): { id?: string; error?: string } {
  const matches = facilityByName.get(normalizeKey(place)) ?? [];
  if (matches.length === 1) return { id: matches[0] };
  if (matches.length > 1) return { error: `"${place}" names ${matches.length} facilities: use the full name.` };
  return {
    error: `"${place}" is not a facility in the record: add it (with its postal address) first, or use the name or an alias it has.`,
  };
}

function sameBirth(person: ExistingPrisoner, row: ImportRow): boolean {
  if (!row.birth_date) return person.birthDate === null;
  return (
    person.birthDate !== null &&
    toIsoDay(person.birthDate) === row.birth_date.date &&
    person.birthPrecision === row.birth_date.precision
  );
}

async function plan(db: Db, csvText: string, options: { publish: boolean }): Promise<{ preview: ImportPreview; plan: Plan }> {
  const file = parseImportFile(csvText);
  const outcomes: RowOutcome[] = [];
  const result: Plan = { categories: [], articles: [], sources: [], rows: [] };
  const validRows = file.rows.flatMap((row) => (row.ok ? [row.value] : []));
  const existing = file.fileErrors.length === 0 ? await readExisting(db, validRows) : null;
  /** Which row first named each person, to refuse a person named twice in one file. */
  const seen = new Map<string, number>();

  for (const parsed of file.rows) {
    if (!parsed.ok) {
      // Checked against the record too, so that the preview lists every error at once.
      const place = parsed.values.place_of_detention?.trim();
      const facilityError = place && existing ? facilityOf(existing.facilityByName, place).error : undefined;
      const errors = facilityError
        ? { ...parsed.errors, place_of_detention: [...(parsed.errors.place_of_detention ?? []), facilityError] }
        : parsed.errors;
      outcomes.push({
        line: parsed.line,
        fullName: parsed.values.full_name?.trim() ?? "",
        status: "error",
        changes: [],
        errors,
      });
      continue;
    }
    const row = parsed.value;
    const fullName = normalizeName(row.full_name);
    const errors: FieldErrors = {};
    const fail = (field: string, message: string) => {
      errors[field] = [...(errors[field] ?? []), message];
    };
    const changes: string[] = [];
    const rowPlan = emptyRowPlan();
    const data = existing!;

    // Who the row is about.
    const key = row.external_id ? `id:${row.external_id}` : `name:${fullName}|${birthKey(row.birth_date)}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) fail("_row", `The same person as row ${earlier}: put everything about one person in one row.`);
    else seen.set(key, parsed.line);

    let person: ExistingPrisoner | undefined;
    const byExternalId = row.external_id ? data.prisoners.find((p) => p.externalId === row.external_id) : undefined;
    if (byExternalId) {
      person = byExternalId;
    } else {
      const byName = data.prisoners.filter(
        (p) => normalizeName(p.fullName) === fullName && sameBirth(p, row) && (!row.external_id || p.externalId === null),
      );
      if (byName.length > 1) {
        fail(
          "full_name",
          `${byName.length} people in the record have this name${row.birth_date ? " and birth date" : " and no birth date"}: add an external_id or birth_date column to tell them apart.`,
        );
      } else if (byName.length === 1) {
        person = byName[0];
        if (row.external_id) {
          rowPlan.externalIdFor = { id: person.id, externalId: row.external_id };
          changes.push(`records external id ${row.external_id}`);
        }
      }
    }
    if (person?.state === "ARCHIVED") fail("full_name", "This person is archived in the record: restore them before importing.");

    const prisonerId = person?.id ?? randomUUID();
    if (!person) {
      rowPlan.prisoner = {
        id: prisonerId,
        slug: slugFor(fullName, prisonerId),
        fullName,
        externalId: row.external_id ?? null,
        birthDate: row.birth_date ? fromIsoDay(row.birth_date.date) : null,
        birthPrecision: row.birth_date?.precision ?? null,
        state: options.publish ? "PUBLISHED" : "DRAFT",
      };
      changes.push(options.publish ? "adds the person (published)" : "adds the person as a draft");
    }

    // Categories: known ones by name or slug, others created once for the whole file.
    for (const name of row.category) {
      let categoryId = data.categoryByName.get(normalizeKey(name));
      if (!categoryId) {
        categoryId = randomUUID();
        let slug = slugFor(name, categoryId).replace(/-[0-9a-f]{8}$/, "");
        if (!slug || slug === "person" || data.categorySlugs.has(slug)) slug = slugFor(name, categoryId);
        data.categorySlugs.add(slug);
        data.categoryByName.set(normalizeKey(name), categoryId);
        data.categoryNames.set(categoryId, normalizeName(name));
        result.categories.push({ id: categoryId, slug, name: normalizeName(name) });
      }
      if (!person?.categoryIds.has(categoryId)) {
        rowPlan.categoryLinks.push({ prisonerId, categoryId });
        person?.categoryIds.add(categoryId);
        changes.push(`adds category ${data.categoryNames.get(categoryId)}`);
      }
    }

    // Charges go on the person's first case, or on a new one.
    let caseId = person?.caseId ?? null;
    const newArticles = row.charges.filter((article) => {
      const id = data.articleByNumber.get(article);
      return !id || !person?.chargedArticleIds.has(id);
    });
    if (newArticles.length > 0 && !caseId) {
      caseId = randomUUID();
      rowPlan.criminalCase = {
        id: caseId,
        prisonerId,
        title: `Charged under Article${row.charges.length > 1 ? "s" : ""} ${row.charges.join(", ")}`,
      };
      changes.push("adds a case");
    }
    for (const article of newArticles) {
      let articleId = data.articleByNumber.get(article);
      if (!articleId) {
        articleId = randomUUID();
        data.articleByNumber.set(article, articleId);
        result.articles.push({ id: articleId, article });
      }
      rowPlan.charges.push({ id: randomUUID(), caseId: caseId!, articleId });
      person?.chargedArticleIds.add(articleId);
      changes.push(`adds charge ${article}`);
    }

    // Where the person is held, by a facility's name or one of its aliases.
    let facilityId: string | undefined;
    if (row.place_of_detention) {
      const facility = facilityOf(data.facilityByName, row.place_of_detention);
      if (facility.error) fail("place_of_detention", facility.error);
      facilityId = facility.id;
    }
    if (facilityId && !row.arrest_date) fail("arrest_date", "A place of detention needs the arrest date it applies from.");

    // The arrest: a custody period from the arrest date, as recordArrest opens one.
    let custodyPeriodId: string | undefined;
    if (row.arrest_date) {
      const start = row.arrest_date.date;
      const same = person?.custody.find((period) => period.start === start && period.precision === row.arrest_date!.precision);
      if (same) {
        if (facilityId && !same.hasPlacement) {
          rowPlan.placement = {
            id: randomUUID(),
            custodyPeriodId: same.id,
            facilityId,
            fromDate: fromIsoDay(start),
            fromPrecision: row.arrest_date.precision,
          };
          changes.push(`adds the place of detention ${row.place_of_detention}`);
        }
      } else if (person?.custody.some((period) => period.end === null)) {
        fail(
          "arrest_date",
          `${ruleViolation("rule_custody_one_open_period").message} The import does not change custody the record already holds.`,
        );
      } else if (person?.custody.some((period) => period.end !== null && period.end >= start)) {
        fail("arrest_date", ruleViolation("rule_custody_no_overlap").message);
      } else {
        custodyPeriodId = randomUUID();
        rowPlan.custodyPeriod = {
          id: custodyPeriodId,
          prisonerId,
          caseId,
          startDate: fromIsoDay(start),
          startPrecision: row.arrest_date.precision,
        };
        if (facilityId) {
          rowPlan.placement = {
            id: randomUUID(),
            custodyPeriodId,
            facilityId,
            fromDate: fromIsoDay(start),
            fromPrecision: row.arrest_date.precision,
          };
        }
        changes.push(
          `opens custody from ${start.slice(0, row.arrest_date.precision === "DAY" ? 10 : row.arrest_date.precision === "MONTH" ? 7 : 4)}${row.place_of_detention ? ` at ${row.place_of_detention}` : ""}`,
        );
      }
    }

    // The source supports the person's record and the arrest it adds.
    let sourceId = data.sourceByUrl.get(row.source_url);
    if (!sourceId) {
      sourceId = randomUUID();
      data.sourceByUrl.set(row.source_url, sourceId);
      result.sources.push({ id: sourceId, kind: "WEB_PAGE", title: row.source_url.slice(0, 500), url: row.source_url });
    }
    if (!person?.citedSourceIds.has(sourceId)) {
      rowPlan.citations.push({ id: randomUUID(), sourceId, prisonerId });
      person?.citedSourceIds.add(sourceId);
      changes.push(`cites ${row.source_url}`);
    }
    if (custodyPeriodId) rowPlan.citations.push({ id: randomUUID(), sourceId, custodyPeriodId });

    const failed = Object.keys(errors).length > 0;
    outcomes.push({
      line: parsed.line,
      fullName,
      status: failed ? "error" : !person ? "new" : changes.length > 0 ? "changed" : "unchanged",
      changes: failed ? [] : changes,
      errors,
    });
    if (!failed) result.rows.push(rowPlan);
  }

  const counts: Record<RowStatus, number> = { new: 0, changed: 0, unchanged: 0, error: 0 };
  for (const outcome of outcomes) counts[outcome.status] += 1;
  return {
    plan: result,
    preview: {
      delimiter: file.delimiter,
      fileErrors: file.fileErrors,
      missingColumns: file.missingColumns,
      extraColumns: file.extraColumns,
      rows: outcomes,
      counts,
      newCategories: result.categories.map((category) => category.name),
      newArticles: result.articles.map((article) => article.article),
      importable: file.fileErrors.length === 0 && counts.error === 0,
    },
  };
}

/** What importing this file would do, row by row. Writes nothing. */
export async function previewImport(csvText: string, options: { publish?: boolean } = {}): Promise<ImportPreview> {
  return (await plan(prisma, csvText, { publish: options.publish ?? false })).preview;
}

// ---------------------------------------------------------------------------------------------
// Writing the plan

/** Rows written per round of inserts; progress is reported after each. */
const batchSize = 100;

function audited<T extends { id: string }>(entityType: string, records: T[]): AuditRecord[] {
  return records.map((record) => ({ action: "CREATE", entityType, entityId: record.id, after: record }));
}

async function writeBatch(tx: Db, actor: Actor, rows: RowPlan[], created: Record<CreatedKind, number>) {
  const pick = <T>(select: (row: RowPlan) => T | T[] | undefined): T[] =>
    rows.flatMap((row) => {
      const value = select(row);
      return value === undefined ? [] : Array.isArray(value) ? value : [value];
    });
  const prisoners = pick((row) => row.prisoner);
  const links = pick((row) => row.categoryLinks);
  const cases = pick((row) => row.criminalCase);
  const charges = pick((row) => row.charges);
  const periods = pick((row) => row.custodyPeriod);
  const placements = pick((row) => row.placement);
  const citations = pick((row) => row.citations);
  const externalIds = pick((row) => row.externalIdFor);

  // Parents before children; each createMany is one statement.
  if (prisoners.length) await tx.prisoner.createMany({ data: prisoners });
  for (const { id, externalId } of externalIds) {
    const before = await tx.prisoner.findUniqueOrThrow({ where: { id } });
    const after = await tx.prisoner.update({ where: { id }, data: { externalId, version: { increment: 1 } } });
    await writeAuditMany(tx, actor, [{ action: "UPDATE", entityType: "Prisoner", entityId: id, before, after }]);
  }
  if (links.length) await tx.prisonerCategory.createMany({ data: links });
  if (cases.length) await tx.case.createMany({ data: cases });
  if (charges.length) await tx.charge.createMany({ data: charges });
  if (periods.length) await tx.custodyPeriod.createMany({ data: periods });
  if (placements.length) await tx.placement.createMany({ data: placements });
  if (citations.length) await tx.citation.createMany({ data: citations });

  await writeAuditMany(tx, actor, [
    ...audited("Prisoner", prisoners),
    ...links.map(
      (link): AuditRecord => ({
        action: "CREATE",
        entityType: "PrisonerCategory",
        entityId: `${link.prisonerId}/${link.categoryId}`,
        after: link,
      }),
    ),
    ...audited("Case", cases),
    ...audited("Charge", charges),
    ...audited("CustodyPeriod", periods),
    ...audited("Placement", placements),
    ...audited("Citation", citations),
  ]);
  created.prisoners += prisoners.length;
  created.categoryLinks += links.length;
  created.cases += cases.length;
  created.charges += charges.length;
  created.custodyPeriods += periods.length;
  created.placements += placements.length;
  created.citations += citations.length;
}

function refusal(preview: ImportPreview): RuleViolation {
  const rowErrors = preview.rows
    .filter((row) => row.status === "error")
    .map((row) => `Row ${row.line}: ${Object.values(row.errors).flat().join(" ")}`);
  const messages = [...preview.fileErrors, ...rowErrors];
  return new RuleViolation(
    `Nothing was imported: ${preview.fileErrors.length > 0 ? "the file has errors" : `${preview.counts.error} row(s) have errors`}. Fix them and import again.`,
    { csv: messages.slice(0, 50) },
    "import",
  );
}

/**
 * Imports the file, all or nothing: every row is planned again inside one transaction, and if
 * any row has an error nothing is written (RuleViolation listing them). Rows are written in
 * batches inside that transaction; onProgress hears after each batch.
 */
export async function applyImport(
  actor: Actor,
  csvText: string,
  options: { publish?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportResult> {
  try {
    return await prisma.$transaction(
      async (tx) => {
        const { preview, plan: work } = await plan(tx, csvText, { publish: options.publish ?? false });
        if (!preview.importable) throw refusal(preview);
        const created: Record<CreatedKind, number> = {
          prisoners: 0,
          categories: work.categories.length,
          categoryLinks: 0,
          cases: 0,
          articles: work.articles.length,
          charges: 0,
          custodyPeriods: 0,
          placements: 0,
          sources: work.sources.length,
          citations: 0,
        };
        if (work.categories.length) await tx.category.createMany({ data: work.categories });
        if (work.articles.length) await tx.criminalCodeArticle.createMany({ data: work.articles });
        if (work.sources.length) await tx.source.createMany({ data: work.sources });
        await writeAuditMany(tx, actor, [
          ...audited("Category", work.categories),
          ...audited("CriminalCodeArticle", work.articles),
          ...audited("Source", work.sources),
        ]);
        const total = work.rows.length;
        options.onProgress?.(0, total);
        for (let start = 0; start < total; start += batchSize) {
          await writeBatch(tx, actor, work.rows.slice(start, start + batchSize), created);
          options.onProgress?.(Math.min(start + batchSize, total), total);
        }
        return { preview, created };
      },
      { timeout: 10 * 60_000, maxWait: 30_000 },
    );
  } catch (error) {
    throw explainDatabaseError(error);
  }
}
