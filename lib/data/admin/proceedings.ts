import "server-only";
import {
  appealCreate,
  appealUpdate,
  extensionCreate,
  extensionUpdate,
  hearingCreate,
  hearingUpdate,
  motionCreate,
  motionUpdate,
  verdictCreate,
  verdictUpdate,
  type AppealUpdate,
  type ExtensionUpdate,
  type HearingUpdate,
  type MotionUpdate,
  type VerdictUpdate,
} from "../../validation/proceedings";
import { containsText, defineResource, labelsOf, pageWindow, parentId, partialColumns, show, stateWhere } from "./engine";

/**
 * Hearings, their motions, detention extensions, verdicts and appeals. Other admin forms (the
 * one-minute hearing log) can write through these same definitions with the engine's
 * createRecord / updateRecord.
 */

const caseLabel = (row: { case: { title: string; prisoner: { fullName: string } } }) =>
  `${row.case.title} (${row.case.prisoner.fullName})`;
const caseSelect = { select: { title: true, prisoner: { select: { fullName: true } } } } as const;

const hearingInclude = {
  case: caseSelect,
  court: { select: { name: true } },
  judge: { select: { fullName: true } },
} as const;

function hearingColumns(input: Omit<HearingUpdate, "id" | "version">) {
  const date = partialColumns(input.date);
  return {
    courtId: input.courtId ?? null,
    judgeId: input.judgeId ?? null,
    date: date.date!,
    datePrecision: date.precision!,
    timeOfDay: input.timeOfDay ?? null,
    kind: input.kind,
    status: input.status,
    outcome: input.outcome ?? null,
  };
}

export const hearings = defineResource({
  key: "hearings",
  entityType: "Hearing",
  model: "hearing",
  createInput: hearingCreate,
  updateInput: hearingUpdate,
  columns: ["Date", "Kind", "Case", "Court"],
  async read(db, id) {
    const row = await db.hearing.findUnique({ where: { id }, include: hearingInclude });
    if (!row) return null;
    const date = show.partial(row.date, row.datePrecision);
    return {
      id: row.id,
      state: row.state,
      version: row.version,
      title: `Hearing of ${date}: ${caseLabel(row)}`,
      values: {
        caseId: row.caseId,
        courtId: show.text(row.courtId),
        judgeId: show.text(row.judgeId),
        date,
        timeOfDay: show.text(row.timeOfDay),
        kind: row.kind,
        status: row.status,
        outcome: show.text(row.outcome),
      },
      labels: labelsOf({ caseId: caseLabel(row), courtId: row.court?.name, judgeId: row.judge?.fullName }),
    };
  },
  async create(tx, input) {
    const row = await tx.hearing.create({ data: { caseId: input.caseId, ...hearingColumns(input), state: "DRAFT" } });
    return row.id;
  },
  async update(tx, id, input) {
    await tx.hearing.update({ where: { id }, data: hearingColumns(input) });
  },
  async list(db, query) {
    const caseId = parentId(query);
    const where = {
      ...stateWhere(query),
      ...(caseId ? { caseId } : {}),
      ...(query.q
        ? { OR: [{ case: { prisoner: { fullName: containsText(query.q) } } }, { court: { name: containsText(query.q) } }, { outcome: containsText(query.q) }] }
        : {}),
    };
    const [rows, total] = await Promise.all([
      db.hearing.findMany({ where, orderBy: [{ date: "desc" }, { id: "asc" }], ...pageWindow(query.page), include: hearingInclude }),
      db.hearing.count({ where }),
    ]);
    return {
      total,
      rows: rows.map((row) => ({
        id: row.id,
        state: row.state,
        cells: [show.partial(row.date, row.datePrecision), row.kind, caseLabel(row), row.court?.name ?? ""],
      })),
    };
  },
  async match(db, q, limit) {
    const rows = await db.hearing.findMany({
      where: q ? { OR: [{ case: { prisoner: { fullName: containsText(q) } } }, { court: { name: containsText(q) } }] } : {},
      orderBy: { date: "desc" },
      take: limit,
      include: hearingInclude,
    });
    return rows.map((row) => ({ id: row.id, label: `${show.partial(row.date, row.datePrecision)}: ${caseLabel(row)}`, hint: row.court?.name }));
  },
});

const motionInclude = {
  hearing: { select: { date: true, datePrecision: true, case: caseSelect } },
  lawyer: { select: { fullName: true } },
} as const;

const hearingLabel = (hearing: { date: Date; datePrecision: string; case: { title: string; prisoner: { fullName: string } } }) =>
  `${show.partial(hearing.date, hearing.datePrecision)}: ${caseLabel(hearing)}`;

function motionColumns(input: Omit<MotionUpdate, "id" | "version">) {
  return {
    filedBy: input.filedBy,
    lawyerId: input.lawyerId ?? null,
    kind: input.kind,
    description: input.description ?? null,
    ruling: input.ruling,
    rulingNote: input.rulingNote ?? null,
  };
}

export const motions = defineResource({
  key: "motions",
  entityType: "Motion",
  model: "motion",
  createInput: motionCreate,
  updateInput: motionUpdate,
  columns: ["Motion", "Filed by", "Ruling", "Hearing"],
  async read(db, id) {
    const row = await db.motion.findUnique({ where: { id }, include: motionInclude });
    if (!row) return null;
    return {
      id: row.id,
      state: row.state,
      version: row.version,
      title: `Motion (${row.kind}) at ${hearingLabel(row.hearing)}`,
      values: {
        hearingId: row.hearingId,
        filedBy: row.filedBy,
        lawyerId: show.text(row.lawyerId),
        kind: row.kind,
        description: show.text(row.description),
        ruling: row.ruling,
        rulingNote: show.text(row.rulingNote),
      },
      labels: labelsOf({ hearingId: hearingLabel(row.hearing), lawyerId: row.lawyer?.fullName }),
    };
  },
  async create(tx, input) {
    const last = await tx.motion.aggregate({ where: { hearingId: input.hearingId }, _max: { position: true } });
    const row = await tx.motion.create({
      data: {
        hearingId: input.hearingId,
        position: (last._max.position ?? -1) + 1,
        ...motionColumns(input),
        state: "DRAFT",
      },
    });
    return row.id;
  },
  async update(tx, id, input) {
    await tx.motion.update({ where: { id }, data: motionColumns(input) });
  },
  async list(db, query) {
    const hearingId = parentId(query);
    const where = {
      ...stateWhere(query),
      ...(hearingId ? { hearingId } : {}),
      ...(query.q ? { OR: [{ description: containsText(query.q) }, { hearing: { case: { prisoner: { fullName: containsText(query.q) } } } }] } : {}),
    };
    const [rows, total] = await Promise.all([
      db.motion.findMany({ where, orderBy: [{ hearing: { date: "desc" } }, { position: "asc" }], ...pageWindow(query.page), include: motionInclude }),
      db.motion.count({ where }),
    ]);
    return {
      total,
      rows: rows.map((row) => ({ id: row.id, state: row.state, cells: [row.kind, row.filedBy, row.ruling, hearingLabel(row.hearing)] })),
    };
  },
  async match(db, q, limit) {
    const rows = await db.motion.findMany({
      where: q ? { hearing: { case: { prisoner: { fullName: containsText(q) } } } } : {},
      take: limit,
      include: motionInclude,
    });
    return rows.map((row) => ({ id: row.id, label: `${row.kind} (${row.filedBy})`, hint: hearingLabel(row.hearing) }));
  },
});

const extensionInclude = {
  custodyPeriod: { select: { startDate: true, startPrecision: true, prisoner: { select: { fullName: true } } } },
  hearing: { select: { date: true, datePrecision: true, case: caseSelect } },
} as const;

const custodyLabel = (period: { startDate: Date; startPrecision: string; prisoner: { fullName: string } }) =>
  `${period.prisoner.fullName}, from ${show.partial(period.startDate, period.startPrecision)}`;

function extensionColumns(input: Omit<ExtensionUpdate, "id" | "version">) {
  return {
    hearingId: input.hearingId ?? null,
    orderedOn: new Date(`${input.orderedOn}T00:00:00Z`),
    until: new Date(`${input.until}T00:00:00Z`),
  };
}

export const extensions = defineResource({
  key: "extensions",
  entityType: "DetentionExtension",
  model: "detentionExtension",
  createInput: extensionCreate,
  updateInput: extensionUpdate,
  columns: ["Person", "Ordered on", "Until"],
  async read(db, id) {
    const row = await db.detentionExtension.findUnique({ where: { id }, include: extensionInclude });
    if (!row) return null;
    return {
      id: row.id,
      state: row.state,
      version: row.version,
      title: `Detention of ${row.custodyPeriod.prisoner.fullName} extended until ${show.day(row.until)}`,
      values: {
        custodyPeriodId: row.custodyPeriodId,
        hearingId: show.text(row.hearingId),
        orderedOn: show.day(row.orderedOn),
        until: show.day(row.until),
      },
      labels: labelsOf({ custodyPeriodId: custodyLabel(row.custodyPeriod), hearingId: row.hearing ? hearingLabel(row.hearing) : undefined }),
    };
  },
  async create(tx, input) {
    const row = await tx.detentionExtension.create({
      data: {
        custodyPeriodId: input.custodyPeriodId,
        ...extensionColumns(input),
        state: "DRAFT",
      },
    });
    return row.id;
  },
  async update(tx, id, input) {
    await tx.detentionExtension.update({ where: { id }, data: extensionColumns(input) });
  },
  async list(db, query) {
    const custodyPeriodId = parentId(query);
    const where = {
      ...stateWhere(query),
      ...(custodyPeriodId ? { custodyPeriodId } : {}),
      ...(query.q ? { custodyPeriod: { prisoner: { fullName: containsText(query.q) } } } : {}),
    };
    const [rows, total] = await Promise.all([
      db.detentionExtension.findMany({ where, orderBy: [{ orderedOn: "desc" }, { id: "asc" }], ...pageWindow(query.page), include: extensionInclude }),
      db.detentionExtension.count({ where }),
    ]);
    return {
      total,
      rows: rows.map((row) => ({
        id: row.id,
        state: row.state,
        cells: [row.custodyPeriod.prisoner.fullName, show.day(row.orderedOn), show.day(row.until)],
      })),
    };
  },
  async match(db, q, limit) {
    const rows = await db.detentionExtension.findMany({
      where: q ? { custodyPeriod: { prisoner: { fullName: containsText(q) } } } : {},
      take: limit,
      include: extensionInclude,
    });
    return rows.map((row) => ({ id: row.id, label: `${row.custodyPeriod.prisoner.fullName} until ${show.day(row.until)}` }));
  },
});

const verdictInclude = { case: caseSelect, court: { select: { name: true } } } as const;

function verdictColumns(input: Omit<VerdictUpdate, "id" | "version">) {
  const date = partialColumns(input.date);
  return {
    courtId: input.courtId ?? null,
    date: date.date!,
    datePrecision: date.precision!,
    outcome: input.outcome,
    sentenceKind: input.sentenceKind ?? null,
    sentenceMonths: input.sentenceMonths ?? null,
    summary: input.summary ?? null,
  };
}

export const verdicts = defineResource({
  key: "verdicts",
  entityType: "Verdict",
  model: "verdict",
  createInput: verdictCreate,
  updateInput: verdictUpdate,
  columns: ["Date", "Outcome", "Case", "Months"],
  async read(db, id) {
    const row = await db.verdict.findUnique({ where: { id }, include: verdictInclude });
    if (!row) return null;
    const date = show.partial(row.date, row.datePrecision);
    return {
      id: row.id,
      state: row.state,
      version: row.version,
      title: `Verdict of ${date}: ${caseLabel(row)}`,
      values: {
        caseId: row.caseId,
        courtId: show.text(row.courtId),
        date,
        outcome: row.outcome,
        sentenceKind: show.text(row.sentenceKind),
        sentenceMonths: show.number(row.sentenceMonths),
        summary: show.text(row.summary),
      },
      labels: labelsOf({ caseId: caseLabel(row), courtId: row.court?.name }),
    };
  },
  async create(tx, input) {
    const row = await tx.verdict.create({ data: { caseId: input.caseId, ...verdictColumns(input), state: "DRAFT" } });
    return row.id;
  },
  async update(tx, id, input) {
    await tx.verdict.update({ where: { id }, data: verdictColumns(input) });
  },
  async list(db, query) {
    const caseId = parentId(query);
    const where = {
      ...stateWhere(query),
      ...(caseId ? { caseId } : {}),
      ...(query.q ? { case: { prisoner: { fullName: containsText(query.q) } } } : {}),
    };
    const [rows, total] = await Promise.all([
      db.verdict.findMany({ where, orderBy: [{ date: "desc" }, { id: "asc" }], ...pageWindow(query.page), include: verdictInclude }),
      db.verdict.count({ where }),
    ]);
    return {
      total,
      rows: rows.map((row) => ({
        id: row.id,
        state: row.state,
        cells: [show.partial(row.date, row.datePrecision), row.outcome, caseLabel(row), show.number(row.sentenceMonths)],
      })),
    };
  },
  async match(db, q, limit) {
    const rows = await db.verdict.findMany({
      where: q ? { case: { prisoner: { fullName: containsText(q) } } } : {},
      orderBy: { date: "desc" },
      take: limit,
      include: verdictInclude,
    });
    return rows.map((row) => ({ id: row.id, label: `${show.partial(row.date, row.datePrecision)}: ${caseLabel(row)}`, hint: row.outcome }));
  },
});

const appealInclude = {
  verdict: { select: { date: true, datePrecision: true, case: caseSelect } },
  court: { select: { name: true } },
} as const;

const verdictLabel = (verdict: { date: Date; datePrecision: string; case: { title: string; prisoner: { fullName: string } } }) =>
  `Verdict of ${show.partial(verdict.date, verdict.datePrecision)}: ${caseLabel(verdict)}`;

function appealColumns(input: Omit<AppealUpdate, "id" | "version">) {
  return {
    courtId: input.courtId ?? null,
    filedDate: partialColumns(input.filed).date,
    decidedDate: partialColumns(input.decided).date,
    result: input.result,
    newSentenceMonths: input.newSentenceMonths ?? null,
    summary: input.summary ?? null,
  };
}

export const appeals = defineResource({
  key: "appeals",
  entityType: "Appeal",
  model: "appeal",
  createInput: appealCreate,
  updateInput: appealUpdate,
  columns: ["Verdict", "Result", "Decided"],
  async read(db, id) {
    const row = await db.appeal.findUnique({ where: { id }, include: appealInclude });
    if (!row) return null;
    return {
      id: row.id,
      state: row.state,
      version: row.version,
      title: `Appeal against the ${verdictLabel(row.verdict)}`,
      values: {
        verdictId: row.verdictId,
        courtId: show.text(row.courtId),
        filed: show.day(row.filedDate),
        decided: show.day(row.decidedDate),
        result: row.result,
        newSentenceMonths: show.number(row.newSentenceMonths),
        summary: show.text(row.summary),
      },
      labels: labelsOf({ verdictId: verdictLabel(row.verdict), courtId: row.court?.name }),
    };
  },
  async create(tx, input) {
    const row = await tx.appeal.create({ data: { verdictId: input.verdictId, ...appealColumns(input), state: "DRAFT" } });
    return row.id;
  },
  async update(tx, id, input) {
    await tx.appeal.update({ where: { id }, data: appealColumns(input) });
  },
  async list(db, query) {
    const verdictId = parentId(query);
    const where = {
      ...stateWhere(query),
      ...(verdictId ? { verdictId } : {}),
      ...(query.q ? { verdict: { case: { prisoner: { fullName: containsText(query.q) } } } } : {}),
    };
    const [rows, total] = await Promise.all([
      db.appeal.findMany({ where, orderBy: [{ id: "asc" }], ...pageWindow(query.page), include: appealInclude }),
      db.appeal.count({ where }),
    ]);
    return {
      total,
      rows: rows.map((row) => ({ id: row.id, state: row.state, cells: [verdictLabel(row.verdict), row.result, show.day(row.decidedDate)] })),
    };
  },
  async match(db, q, limit) {
    const rows = await db.appeal.findMany({
      where: q ? { verdict: { case: { prisoner: { fullName: containsText(q) } } } } : {},
      take: limit,
      include: appealInclude,
    });
    return rows.map((row) => ({ id: row.id, label: `Appeal: ${verdictLabel(row.verdict)}`, hint: row.result }));
  },
});
