import "server-only";
import { arrestForm, releaseForm } from "../../validation/custody";
import { caseCreate, caseUpdate } from "../../validation/criminal-case";
import { chargeCreate, chargeUpdate } from "../../validation/charge";
import type { Actor } from "../audit";
import { recordArrest, recordRelease } from "../custody";
import type { PartialDate } from "../../dates";
import { containsText, defineResource, labelsOf, pageWindow, parentId, partialColumns, show, stateWhere, type Db } from "./engine";

/** Cases, their charges, and custody periods (arrest and release). */

export const cases = defineResource({
  key: "cases",
  entityType: "Case",
  model: "case",
  createInput: caseCreate,
  updateInput: caseUpdate,
  columns: ["Case", "Person", "Case number"],
  async read(db, id) {
    const row = await db.case.findUnique({ where: { id }, include: { prisoner: { select: { fullName: true } } } });
    if (!row) return null;
    return {
      id: row.id,
      state: row.state,
      version: row.version,
      title: `${row.title} (${row.prisoner.fullName})`,
      values: {
        prisonerId: row.prisonerId,
        title: row.title,
        caseNumber: show.text(row.caseNumber),
        prosecutingBody: show.text(row.prosecutingBody),
        opened: show.partial(row.openedDate, row.openedPrecision),
        summary: show.text(row.summary),
      },
      labels: { prisonerId: row.prisoner.fullName },
    };
  },
  async create(tx, input) {
    const opened = partialColumns(input.opened);
    const row = await tx.case.create({
      data: {
        prisonerId: input.prisonerId,
        title: input.title,
        caseNumber: input.caseNumber ?? null,
        prosecutingBody: input.prosecutingBody ?? null,
        openedDate: opened.date,
        openedPrecision: opened.precision,
        summary: input.summary ?? null,
        state: "DRAFT",
      },
    });
    return row.id;
  },
  async update(tx, id, input) {
    const opened = partialColumns(input.opened);
    await tx.case.update({
      where: { id },
      data: {
        title: input.title,
        caseNumber: input.caseNumber ?? null,
        prosecutingBody: input.prosecutingBody ?? null,
        openedDate: opened.date,
        openedPrecision: opened.precision,
        summary: input.summary ?? null,
      },
    });
  },
  async list(db, query) {
    const prisonerId = parentId(query);
    const where = {
      ...stateWhere(query),
      ...(prisonerId ? { prisonerId } : {}),
      ...(query.q
        ? { OR: [{ title: containsText(query.q) }, { caseNumber: containsText(query.q) }, { prisoner: { fullName: containsText(query.q) } }] }
        : {}),
    };
    const [rows, total] = await Promise.all([
      db.case.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        ...pageWindow(query.page),
        include: { prisoner: { select: { fullName: true } } },
      }),
      db.case.count({ where }),
    ]);
    return {
      total,
      rows: rows.map((row) => ({ id: row.id, state: row.state, cells: [row.title, row.prisoner.fullName, show.text(row.caseNumber)] })),
    };
  },
  async match(db, q, limit) {
    const rows = await db.case.findMany({
      where: q ? { OR: [{ title: containsText(q) }, { caseNumber: containsText(q) }, { prisoner: { fullName: containsText(q) } }] } : {},
      orderBy: { createdAt: "desc" },
      take: limit,
      include: { prisoner: { select: { fullName: true } } },
    });
    return rows.map((row) => ({ id: row.id, label: `${row.title} (${row.prisoner.fullName})`, hint: row.caseNumber ?? undefined }));
  },
});

const DEFAULT_CODE = "Criminal Code of the Republic of Azerbaijan";

async function articleId(db: Db, article: string | undefined, title: string | undefined): Promise<string | null> {
  if (!article) return null;
  const found = await db.criminalCodeArticle.findUnique({ where: { code_article: { code: DEFAULT_CODE, article } } });
  if (found) {
    // The article's title is shared by every charge citing it: only filled in when missing.
    if (!found.title && title) await db.criminalCodeArticle.update({ where: { id: found.id }, data: { title } });
    return found.id;
  }
  const created = await db.criminalCodeArticle.create({ data: { code: DEFAULT_CODE, article, title: title ?? null } });
  return created.id;
}

const chargeInclude = {
  article: { select: { article: true, title: true } },
  case: { select: { title: true, prisoner: { select: { fullName: true } } } },
} as const;

export const charges = defineResource({
  key: "charges",
  entityType: "Charge",
  model: "charge",
  createInput: chargeCreate,
  updateInput: chargeUpdate,
  columns: ["Article", "Description", "Case"],
  async read(db, id) {
    const row = await db.charge.findUnique({ where: { id }, include: chargeInclude });
    if (!row) return null;
    const caseLabel = `${row.case.title} (${row.case.prisoner.fullName})`;
    return {
      id: row.id,
      state: row.state,
      version: row.version,
      title: row.article ? `Article ${row.article.article}` : (row.description ?? "Charge"),
      values: {
        caseId: row.caseId,
        article: row.article?.article ?? "",
        articleTitle: show.text(row.article?.title),
        description: show.text(row.description),
      },
      labels: { caseId: caseLabel },
    };
  },
  async create(tx, input) {
    const row = await tx.charge.create({
      data: {
        caseId: input.caseId,
        articleId: await articleId(tx, input.article, input.articleTitle),
        description: input.description ?? null,
        state: "DRAFT",
      },
    });
    return row.id;
  },
  async update(tx, id, input) {
    await tx.charge.update({
      where: { id },
      data: { articleId: await articleId(tx, input.article, input.articleTitle), description: input.description ?? null },
    });
  },
  async list(db, query) {
    const caseId = parentId(query);
    const where = {
      ...stateWhere(query),
      ...(caseId ? { caseId } : {}),
      ...(query.q ? { OR: [{ description: containsText(query.q) }, { article: { article: { startsWith: query.q } } }] } : {}),
    };
    const [rows, total] = await Promise.all([
      db.charge.findMany({ where, orderBy: [{ id: "asc" }], ...pageWindow(query.page), include: chargeInclude }),
      db.charge.count({ where }),
    ]);
    return {
      total,
      rows: rows.map((row) => ({
        id: row.id,
        state: row.state,
        cells: [row.article?.article ?? "", show.text(row.description ?? row.article?.title), `${row.case.title} (${row.case.prisoner.fullName})`],
      })),
    };
  },
  async match(db, q, limit) {
    const rows = await db.charge.findMany({
      where: q ? { OR: [{ description: containsText(q) }, { article: { article: { startsWith: q } } }] } : {},
      take: limit,
      include: chargeInclude,
    });
    return rows.map((row) => ({ id: row.id, label: row.article ? `Article ${row.article.article}` : (row.description ?? "Charge"), hint: row.case.title }));
  },
});

const custodyInclude = {
  prisoner: { select: { fullName: true } },
  case: { select: { title: true } },
  releaseDecree: { select: { title: true } },
  placements: { orderBy: { fromDate: "asc" }, take: 1, select: { facilityId: true, facility: { select: { name: true } } } },
} as const;

/** A partial date as the text it was typed as: what the custody data functions read. */
function typed(value: PartialDate): string {
  return value.precision === "YEAR" ? value.date.slice(0, 4) : value.precision === "MONTH" ? value.date.slice(0, 7) : value.date;
}

export const custody = defineResource({
  key: "custody",
  entityType: "CustodyPeriod",
  model: "custodyPeriod",
  createInput: arrestForm,
  updateInput: releaseForm,
  columns: ["Person", "From", "Until", "Kind"],
  async read(db, id) {
    const row = await db.custodyPeriod.findUnique({ where: { id }, include: custodyInclude });
    if (!row) return null;
    const first = row.placements[0];
    return {
      id: row.id,
      state: row.state,
      version: row.version,
      title: `${row.prisoner.fullName}: custody from ${show.partial(row.startDate, row.startPrecision)}`,
      values: {
        prisonerId: row.prisonerId,
        caseId: show.text(row.caseId),
        kind: row.kind,
        start: show.partial(row.startDate, row.startPrecision),
        startQualifier: row.startQualifier,
        facilityId: first?.facilityId ?? "",
        end: show.partial(row.endDate, row.endPrecision),
        reason: show.text(row.releaseReason),
        decreeId: show.text(row.releaseDecreeId),
        note: show.text(row.note),
      },
      labels: labelsOf({
        prisonerId: row.prisoner.fullName,
        caseId: row.case?.title,
        facilityId: first?.facility.name,
        decreeId: row.releaseDecree?.title,
      }),
    };
  },
  create() {
    throw new Error("custody periods are written by recordArrest");
  },
  update() {
    throw new Error("custody periods are released by recordRelease");
  },
  writers: {
    create: (actor: Actor, input) =>
      recordArrest(actor, {
        prisonerId: input.prisonerId,
        caseId: input.caseId || undefined,
        kind: input.kind,
        start: typed(input.start),
        startQualifier: input.startQualifier,
        facilityId: input.facilityId || undefined,
        note: input.note,
      }),
    update: (actor: Actor, input) =>
      recordRelease(actor, {
        custodyPeriodId: input.id,
        version: input.version,
        end: typed(input.end),
        reason: input.reason,
        decreeId: input.decreeId || undefined,
        note: input.note,
      }),
  },
  async list(db, query) {
    const prisonerId = parentId(query);
    const where = {
      ...stateWhere(query),
      ...(prisonerId ? { prisonerId } : {}),
      ...(query.q ? { prisoner: { fullName: containsText(query.q) } } : {}),
    };
    const [rows, total] = await Promise.all([
      db.custodyPeriod.findMany({ where, orderBy: [{ startDate: "desc" }, { id: "asc" }], ...pageWindow(query.page), include: custodyInclude }),
      db.custodyPeriod.count({ where }),
    ]);
    return {
      total,
      rows: rows.map((row) => ({
        id: row.id,
        state: row.state,
        cells: [row.prisoner.fullName, show.partial(row.startDate, row.startPrecision), show.partial(row.endDate, row.endPrecision) || "open", row.kind],
      })),
    };
  },
  async match(db, q, limit) {
    const rows = await db.custodyPeriod.findMany({
      where: q ? { prisoner: { fullName: containsText(q) } } : {},
      orderBy: { startDate: "desc" },
      take: limit,
      include: custodyInclude,
    });
    return rows.map((row) => ({
      id: row.id,
      label: `${row.prisoner.fullName}, from ${show.partial(row.startDate, row.startPrecision)}`,
      hint: row.endDate ? `until ${show.partial(row.endDate, row.endPrecision)}` : "open",
    }));
  },
});
