import "server-only";
import {
  decreeCreate,
  decreeUpdate,
  sourceCreate,
  sourceUpdate,
  updateCreate,
  updateUpdate,
  type DecreeCreate,
  type SourceCreate,
  type UpdateCreate,
} from "../../validation/publications";
import type { Transaction } from "../../db/client";
import { containsText, defineResource, pageWindow, partialColumns, show, stateWhere } from "./engine";

/**
 * Pardon and amnesty decrees (with the people they name), sources (with their private record:
 * who a confidential source is), and advocacy updates (with the people they concern).
 */

async function setLinkedPrisoners(
  replace: (ids: string[]) => Promise<unknown>,
  add: (ids: string[]) => Promise<unknown>,
  ids: string[],
) {
  await replace(ids);
  if (ids.length > 0) await add(ids);
}

const sortedPeople = (rows: { prisoner: { id: string; fullName: string } }[]) =>
  rows.map((row) => row.prisoner).sort((a, b) => a.fullName.localeCompare(b.fullName));

/** Each chosen person's name under "field.id", for the form's multi-picker. */
function optionLabels(field: string, people: { id: string; fullName: string }[]): Record<string, string> {
  return Object.fromEntries(people.map((person) => [`${field}.${person.id}`, person.fullName]));
}

function decreeColumns(input: DecreeCreate) {
  return {
    kind: input.kind,
    title: input.title,
    number: input.number ?? null,
    signedDate: new Date(`${input.signed.date}T00:00:00Z`),
    signedPrecision: input.signed.precision,
    signedBy: input.signedBy ?? null,
    url: input.url ?? null,
  };
}

function sourceColumns(input: SourceCreate) {
  const published = partialColumns(input.published);
  return {
    kind: input.kind,
    title: input.title,
    url: input.url ?? null,
    publisher: input.publisher ?? null,
    publishedDate: published.date,
    publishedPrecision: published.precision,
    archivedCopy: input.archivedCopy ?? null,
  };
}

function updateColumns(input: UpdateCreate) {
  return {
    kind: input.kind,
    title: input.title,
    body: input.body ?? null,
    date: new Date(`${input.date.date}T00:00:00Z`),
    datePrecision: input.date.precision,
    location: input.location ?? null,
  };
}

export const decrees = defineResource({
  key: "decrees",
  entityType: "Decree",
  model: "decree",
  createInput: decreeCreate,
  updateInput: decreeUpdate,
  columns: ["Title", "Kind", "Signed", "People named"],
  async read(db, id) {
    const row = await db.decree.findUnique({
      where: { id },
      include: { beneficiaries: { select: { prisoner: { select: { id: true, fullName: true } } } } },
    });
    if (!row) return null;
    const people = sortedPeople(row.beneficiaries);
    return {
      id: row.id,
      state: row.state,
      version: row.version,
      title: row.title,
      values: {
        kind: row.kind,
        title: row.title,
        number: show.text(row.number),
        signed: show.partial(row.signedDate, row.signedPrecision),
        signedBy: show.text(row.signedBy),
        url: show.text(row.url),
        beneficiaries: people.map((person) => person.id),
      },
      labels: { beneficiaries: people.map((person) => person.fullName).join(", "), ...optionLabels("beneficiaries", people) },
    };
  },
  async create(tx, input) {
    const row = await tx.decree.create({
      data: {
        ...decreeColumns(input),
        state: "DRAFT",
        beneficiaries: { create: input.beneficiaries.map((prisonerId) => ({ prisonerId })) },
      },
    });
    return row.id;
  },
  async update(tx, id, input) {
    await tx.decree.update({ where: { id }, data: decreeColumns(input) });
    await setLinkedPrisoners(
      (ids) => tx.decreeBeneficiary.deleteMany({ where: { decreeId: id, prisonerId: { notIn: ids } } }),
      (ids) => tx.decreeBeneficiary.createMany({ data: ids.map((prisonerId) => ({ decreeId: id, prisonerId })), skipDuplicates: true }),
      input.beneficiaries,
    );
  },
  async list(db, query) {
    const where = { ...stateWhere(query), ...(query.q ? { OR: [{ title: containsText(query.q) }, { number: containsText(query.q) }] } : {}) };
    const [rows, total] = await Promise.all([
      db.decree.findMany({
        where,
        orderBy: [{ signedDate: "desc" }, { id: "asc" }],
        ...pageWindow(query.page),
        include: { _count: { select: { beneficiaries: true } } },
      }),
      db.decree.count({ where }),
    ]);
    return {
      total,
      rows: rows.map((row) => ({
        id: row.id,
        state: row.state,
        cells: [row.title, row.kind, show.partial(row.signedDate, row.signedPrecision), String(row._count.beneficiaries)],
      })),
    };
  },
  async match(db, q, limit) {
    const rows = await db.decree.findMany({
      where: q ? { OR: [{ title: containsText(q) }, { number: containsText(q) }] } : {},
      orderBy: { signedDate: "desc" },
      take: limit,
    });
    return rows.map((row) => ({ id: row.id, label: row.title, hint: show.partial(row.signedDate, row.signedPrecision) }));
  },
});

function sourcePrivate(input: { identity?: string; contact?: string; notes?: string }) {
  return { identity: input.identity ?? null, contact: input.contact ?? null, notes: input.notes ?? null };
}

export const sources = defineResource({
  key: "sources",
  entityType: "Source",
  model: "source",
  createInput: sourceCreate,
  updateInput: sourceUpdate,
  columns: ["Title", "Publisher", "Published"],
  async read(db, id) {
    const row = await db.source.findUnique({ where: { id }, include: { privateRecord: true } });
    if (!row) return null;
    return {
      id: row.id,
      state: row.state,
      version: row.version,
      title: row.title,
      values: {
        kind: row.kind,
        title: row.title,
        url: show.text(row.url),
        publisher: show.text(row.publisher),
        published: show.partial(row.publishedDate, row.publishedPrecision),
        archivedCopy: show.text(row.archivedCopy),
        identity: show.text(row.privateRecord?.identity),
        contact: show.text(row.privateRecord?.contact),
        notes: show.text(row.privateRecord?.notes),
      },
      labels: {},
    };
  },
  async create(tx, input) {
    const row = await tx.source.create({
      data: {
        ...sourceColumns(input),
        state: "DRAFT",
        privateRecord: { create: sourcePrivate(input) },
      },
    });
    return row.id;
  },
  async update(tx, id, input) {
    await tx.source.update({ where: { id }, data: sourceColumns(input) });
    await tx.sourcePrivate.upsert({
      where: { sourceId: id },
      create: { sourceId: id, ...sourcePrivate(input) },
      update: { ...sourcePrivate(input), version: { increment: 1 } },
    });
  },
  async list(db, query) {
    const where = {
      ...stateWhere(query),
      ...(query.q ? { OR: [{ title: containsText(query.q) }, { publisher: containsText(query.q) }, { url: containsText(query.q) }] } : {}),
    };
    const [rows, total] = await Promise.all([
      db.source.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], ...pageWindow(query.page) }),
      db.source.count({ where }),
    ]);
    return {
      total,
      rows: rows.map((row) => ({
        id: row.id,
        state: row.state,
        cells: [row.title, show.text(row.publisher), show.partial(row.publishedDate, row.publishedPrecision)],
      })),
    };
  },
  async match(db, q, limit) {
    const rows = await db.source.findMany({
      where: q ? { OR: [{ title: containsText(q) }, { publisher: containsText(q) }] } : {},
      orderBy: { createdAt: "desc" },
      take: limit,
    });
    return rows.map((row) => ({ id: row.id, label: row.title, hint: row.publisher ?? undefined }));
  },
});

async function linkUpdatePeople(tx: Transaction, id: string, ids: string[]) {
  await setLinkedPrisoners(
    (keep) => tx.updatePrisoner.deleteMany({ where: { updateId: id, prisonerId: { notIn: keep } } }),
    (add) => tx.updatePrisoner.createMany({ data: add.map((prisonerId) => ({ updateId: id, prisonerId })), skipDuplicates: true }),
    ids,
  );
}

export const updates = defineResource({
  key: "updates",
  entityType: "AdvocacyUpdate",
  model: "advocacyUpdate",
  createInput: updateCreate,
  updateInput: updateUpdate,
  columns: ["Date", "Title", "Kind"],
  async read(db, id) {
    const row = await db.advocacyUpdate.findUnique({
      where: { id },
      include: { prisoners: { select: { prisoner: { select: { id: true, fullName: true } } } } },
    });
    if (!row) return null;
    const people = sortedPeople(row.prisoners);
    return {
      id: row.id,
      state: row.state,
      version: row.version,
      title: row.title,
      values: {
        kind: row.kind,
        title: row.title,
        body: show.text(row.body),
        date: show.partial(row.date, row.datePrecision),
        location: show.text(row.location),
        prisoners: people.map((person) => person.id),
      },
      labels: { prisoners: people.map((person) => person.fullName).join(", "), ...optionLabels("prisoners", people) },
    };
  },
  async create(tx, input) {
    const row = await tx.advocacyUpdate.create({ data: { ...updateColumns(input), state: "DRAFT" } });
    await linkUpdatePeople(tx, row.id, input.prisoners);
    return row.id;
  },
  async update(tx, id, input) {
    await tx.advocacyUpdate.update({ where: { id }, data: updateColumns(input) });
    await linkUpdatePeople(tx, id, input.prisoners);
  },
  async list(db, query) {
    const where = { ...stateWhere(query), ...(query.q ? { OR: [{ title: containsText(query.q) }, { body: containsText(query.q) }] } : {}) };
    const [rows, total] = await Promise.all([
      db.advocacyUpdate.findMany({ where, orderBy: [{ date: "desc" }, { id: "asc" }], ...pageWindow(query.page) }),
      db.advocacyUpdate.count({ where }),
    ]);
    return {
      total,
      rows: rows.map((row) => ({ id: row.id, state: row.state, cells: [show.partial(row.date, row.datePrecision), row.title, row.kind] })),
    };
  },
  async match(db, q, limit) {
    const rows = await db.advocacyUpdate.findMany({ where: q ? { title: containsText(q) } : {}, orderBy: { date: "desc" }, take: limit });
    return rows.map((row) => ({ id: row.id, label: row.title, hint: show.partial(row.date, row.datePrecision) }));
  },
});
