import "server-only";
import { arrestForm, placementCreate, placementUpdate, releaseForm } from "../../validation/custody";
import { caseCreate, caseUpdate } from "../../validation/criminal-case";
import { chargeCreate, chargeUpdate } from "../../validation/charge";
import type { Actor } from "../audit";
import { recordArrest, saveRelease } from "../custody";
import { fromIsoDay, type PartialDate } from "../../dates";
import { RuleViolation, explainDatabaseError } from "../errors";
import type { Transaction } from "../../db/client";
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
  valuesOfRow(row) {
    const text = (value: unknown) => (typeof value === "string" ? value : "");
    return {
      prisonerId: text(row.prisonerId),
      caseId: text(row.caseId),
      kind: text(row.kind),
      start: show.partial(text(row.startDate), text(row.startPrecision)),
      startQualifier: text(row.startQualifier),
      end: show.partial(text(row.endDate), text(row.endPrecision)),
      reason: text(row.releaseReason),
      decreeId: text(row.releaseDecreeId),
      note: text(row.note),
    };
  },
  create() {
    throw new Error("custody periods are written by recordArrest");
  },
  update() {
    throw new Error("custody periods are released by saveRelease");
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
    // An open period is released; a closed one has its release corrected (decision 0019).
    update: (actor: Actor, input) =>
      saveRelease(actor, {
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

const placementInclude = {
  facility: { select: { id: true, name: true, state: true } },
  custodyPeriod: { select: { prisonerId: true, prisoner: { select: { fullName: true } } } },
  citations: { orderBy: { id: "asc" }, select: { sourceId: true, source: { select: { title: true } } } },
} as const;

/**
 * The custody period of `prisonerId` that the day `from` falls in (archived periods aside): a
 * transfer belongs to the period the person was in when it happened.
 */
async function periodCovering(db: Db, prisonerId: string, from: PartialDate): Promise<string> {
  const day = fromIsoDay(from.date);
  const period = await db.custodyPeriod.findFirst({
    where: { prisonerId, state: { not: "ARCHIVED" }, startDate: { lte: day }, OR: [{ endDate: null }, { endDate: { gte: day } }] },
    orderBy: { startDate: "desc" },
    select: { id: true },
  });
  if (!period) {
    const message = "The person has no custody period on this date. Record the arrest first, or check the date.";
    throw new RuleViolation(message, { from: [message] }, "rule_placement_within_custody");
  }
  return period.id;
}

async function refuseSecondPlacementOnDay(db: Db, custodyPeriodId: string, from: PartialDate, except?: string) {
  const taken = await db.placement.findFirst({
    where: { custodyPeriodId, fromDate: fromIsoDay(from.date), ...(except ? { id: { not: except } } : {}) },
    select: { id: true },
  });
  if (taken) {
    const message = "A place of detention is already recorded from this date. Edit that one instead.";
    throw new RuleViolation(message, { from: [message] }, "unique");
  }
}

/** The cited sources of a placement become exactly `sourceIds`; citations kept keep their excerpt. */
async function setPlacementSources(tx: Transaction, placementId: string, sourceIds: string[]) {
  await tx.citation.deleteMany({ where: { placementId, sourceId: { notIn: sourceIds } } });
  const existing = new Set((await tx.citation.findMany({ where: { placementId }, select: { sourceId: true } })).map((row) => row.sourceId));
  const added = sourceIds.filter((sourceId) => !existing.has(sourceId));
  if (added.length > 0) await tx.citation.createMany({ data: added.map((sourceId) => ({ sourceId, placementId })) });
}

/** The database's placement rule speaks of its column; the form's field is `from`. */
async function onFromField<Result>(work: () => Promise<Result>): Promise<Result> {
  try {
    return await work();
  } catch (error) {
    const explained = explainDatabaseError(error);
    if (explained instanceof RuleViolation && !explained.fieldErrors.from && explained.rule === "rule_placement_within_custody") {
      throw new RuleViolation(explained.message, { from: [explained.message] }, explained.rule);
    }
    throw explained;
  }
}

function placementColumns(input: { facilityId: string; from: PartialDate; fromQualifier: "EXACT" | "ON_OR_BEFORE" | "ON_OR_AFTER" }) {
  return {
    facilityId: input.facilityId,
    fromDate: fromIsoDay(input.from.date),
    fromPrecision: input.from.precision,
    fromQualifier: input.fromQualifier,
  };
}

/**
 * Transfers: where a person is held from a date on (a Placement row). The form names the person
 * and the date; the custody period is the one the date falls in, found again when the date is
 * edited. The public timeline shows a published placement of a published period whose facility
 * is published too (lib/data/profile.ts): `notices` says so when the facility is not.
 */
export const placements = defineResource({
  key: "placements",
  entityType: "Placement",
  model: "placement",
  createInput: placementCreate,
  updateInput: placementUpdate,
  columns: ["Person", "Facility", "From"],
  async read(db, id) {
    const row = await db.placement.findUnique({ where: { id }, include: placementInclude });
    if (!row) return null;
    const from = show.partial(row.fromDate, row.fromPrecision);
    const person = row.custodyPeriod.prisoner.fullName;
    return {
      id: row.id,
      state: row.state,
      version: row.version,
      title: `${person}: ${row.facility.name} from ${from}`,
      values: {
        prisonerId: row.custodyPeriod.prisonerId,
        facilityId: row.facilityId,
        from,
        fromQualifier: row.fromQualifier,
        sourceIds: row.citations.map((citation) => citation.sourceId),
      },
      labels: {
        prisonerId: person,
        facilityId: row.facility.name,
        ...(row.citations.length > 0 ? { sourceIds: row.citations.map((citation) => citation.source.title).join(", ") } : {}),
        ...Object.fromEntries(row.citations.map((citation) => [`sourceIds.${citation.sourceId}`, citation.source.title])),
      },
    };
  },
  async notices(db, id) {
    const row = await db.placement.findUnique({ where: { id }, include: placementInclude });
    if (!row || row.facility.state === "PUBLISHED") return [];
    return [
      {
        message: `The facility “${row.facility.name}” is ${row.facility.state === "DRAFT" ? "a draft" : "archived"}: this transfer appears on the public timeline only once the facility is published too.`,
        link: { href: `/admin/facilities/${row.facility.id}`, label: `Open ${row.facility.name}` },
      },
    ];
  },
  create: (tx, input) =>
    onFromField(async () => {
      const custodyPeriodId = await periodCovering(tx, input.prisonerId, input.from);
      await refuseSecondPlacementOnDay(tx, custodyPeriodId, input.from);
      const row = await tx.placement.create({ data: { custodyPeriodId, ...placementColumns(input), state: "DRAFT" } });
      await setPlacementSources(tx, row.id, input.sourceIds);
      return row.id;
    }),
  update: (tx, id, input) =>
    onFromField(async () => {
      const current = await tx.placement.findUniqueOrThrow({ where: { id }, select: { custodyPeriod: { select: { prisonerId: true } } } });
      const custodyPeriodId = await periodCovering(tx, current.custodyPeriod.prisonerId, input.from);
      await refuseSecondPlacementOnDay(tx, custodyPeriodId, input.from, id);
      await tx.placement.update({ where: { id }, data: { custodyPeriodId, ...placementColumns(input) } });
      await setPlacementSources(tx, id, input.sourceIds);
    }),
  async list(db, query) {
    const parent = parentId(query);
    const where = {
      ...stateWhere(query),
      ...(parent ? { OR: [{ custodyPeriodId: parent }, { custodyPeriod: { prisonerId: parent } }] } : {}),
      ...(query.q
        ? { AND: [{ OR: [{ facility: { name: containsText(query.q) } }, { custodyPeriod: { prisoner: { fullName: containsText(query.q) } } }] }] }
        : {}),
    };
    const [rows, total] = await Promise.all([
      db.placement.findMany({ where, orderBy: [{ fromDate: "desc" }, { id: "asc" }], ...pageWindow(query.page), include: placementInclude }),
      db.placement.count({ where }),
    ]);
    return {
      total,
      rows: rows.map((row) => ({
        id: row.id,
        state: row.state,
        cells: [row.custodyPeriod.prisoner.fullName, row.facility.name, show.partial(row.fromDate, row.fromPrecision)],
      })),
    };
  },
  async match(db, q, limit) {
    const rows = await db.placement.findMany({
      where: q ? { OR: [{ facility: { name: containsText(q) } }, { custodyPeriod: { prisoner: { fullName: containsText(q) } } }] } : {},
      orderBy: { fromDate: "desc" },
      take: limit,
      include: placementInclude,
    });
    return rows.map((row) => ({
      id: row.id,
      label: `${row.custodyPeriod.prisoner.fullName}: ${row.facility.name}`,
      hint: `from ${show.partial(row.fromDate, row.fromPrecision)}`,
    }));
  },
});
