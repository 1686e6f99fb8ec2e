import "server-only";
import {
  courtCreate,
  courtUpdate,
  facilityCreate,
  facilityUpdate,
  judgeCreate,
  judgeUpdate,
  lawyerCreate,
  lawyerUpdate,
  type CourtCreate,
  type FacilityCreate,
} from "../../validation/institutions";
import { containsText, defineResource, freeSlug, labelsOf, pageWindow, parentId, show, stateWhere, type Db } from "./engine";

/** Facilities, courts, judges and lawyers. */

const hint = (state: string) => (state === "PUBLISHED" ? undefined : state.toLowerCase());

function nameSearch(q: string | undefined) {
  return q ? { OR: [{ name: containsText(q) }, { aliases: { has: q } }] } : {};
}

function facilityColumns(input: FacilityCreate) {
  return {
    name: input.name,
    kind: input.kind,
    aliases: input.aliases,
    postalAddress: input.postalAddress ?? null,
    city: input.city ?? null,
    country: input.country ?? "AZ",
  };
}

function courtColumns(input: CourtCreate) {
  return { name: input.name, kind: input.kind, aliases: input.aliases, city: input.city ?? null, country: input.country ?? null };
}

export const facilities = defineResource({
  key: "facilities",
  entityType: "Facility",
  model: "facility",
  createInput: facilityCreate,
  updateInput: facilityUpdate,
  columns: ["Name", "Kind", "City"],
  async read(db, id) {
    const row = await db.facility.findUnique({ where: { id } });
    if (!row) return null;
    return {
      id: row.id,
      state: row.state,
      version: row.version,
      title: row.name,
      values: {
        name: row.name,
        slug: row.slug,
        kind: row.kind,
        aliases: show.lines(row.aliases),
        postalAddress: show.text(row.postalAddress),
        city: show.text(row.city),
        country: row.country,
      },
      labels: {},
    };
  },
  async create(tx, input) {
    const slug = await freeSlug(async (candidate) => Boolean(await tx.facility.findUnique({ where: { slug: candidate } })), input.name, input.slug);
    const row = await tx.facility.create({ data: { slug, ...facilityColumns(input), state: "DRAFT" } });
    return row.id;
  },
  async update(tx, id, input) {
    await tx.facility.update({ where: { id }, data: { ...(input.slug ? { slug: input.slug } : {}), ...facilityColumns(input) } });
  },
  async list(db, query) {
    const where = { ...stateWhere(query), ...nameSearch(query.q) };
    const [rows, total] = await Promise.all([
      db.facility.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }], ...pageWindow(query.page) }),
      db.facility.count({ where }),
    ]);
    return { total, rows: rows.map((row) => ({ id: row.id, state: row.state, cells: [row.name, row.kind, show.text(row.city)] })) };
  },
  async match(db, q, limit) {
    const rows = await db.facility.findMany({ where: nameSearch(q || undefined), orderBy: { name: "asc" }, take: limit });
    return rows.map((row) => ({ id: row.id, label: row.name, hint: hint(row.state) }));
  },
  async quickCreate(tx, name) {
    const slug = await freeSlug(async (candidate) => Boolean(await tx.facility.findUnique({ where: { slug: candidate } })), name);
    const row = await tx.facility.create({ data: { slug, name, kind: "OTHER", state: "DRAFT" } });
    return row.id;
  },
});

export const courts = defineResource({
  key: "courts",
  entityType: "Court",
  model: "court",
  createInput: courtCreate,
  updateInput: courtUpdate,
  columns: ["Name", "Kind", "City"],
  async read(db, id) {
    const row = await db.court.findUnique({ where: { id } });
    if (!row) return null;
    return {
      id: row.id,
      state: row.state,
      version: row.version,
      title: row.name,
      values: {
        name: row.name,
        slug: row.slug,
        kind: row.kind,
        aliases: show.lines(row.aliases),
        city: show.text(row.city),
        country: show.text(row.country),
      },
      labels: {},
    };
  },
  async create(tx, input) {
    const slug = await freeSlug(async (candidate) => Boolean(await tx.court.findUnique({ where: { slug: candidate } })), input.name, input.slug);
    const row = await tx.court.create({ data: { slug, ...courtColumns(input), state: "DRAFT" } });
    return row.id;
  },
  async update(tx, id, input) {
    await tx.court.update({ where: { id }, data: { ...(input.slug ? { slug: input.slug } : {}), ...courtColumns(input) } });
  },
  async list(db, query) {
    const where = { ...stateWhere(query), ...nameSearch(query.q) };
    const [rows, total] = await Promise.all([
      db.court.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }], ...pageWindow(query.page) }),
      db.court.count({ where }),
    ]);
    return { total, rows: rows.map((row) => ({ id: row.id, state: row.state, cells: [row.name, row.kind, show.text(row.city)] })) };
  },
  async match(db, q, limit) {
    const rows = await db.court.findMany({ where: nameSearch(q || undefined), orderBy: { name: "asc" }, take: limit });
    return rows.map((row) => ({ id: row.id, label: row.name, hint: hint(row.state) }));
  },
  async quickCreate(tx, name) {
    const slug = await freeSlug(async (candidate) => Boolean(await tx.court.findUnique({ where: { slug: candidate } })), name);
    const row = await tx.court.create({ data: { slug, name, kind: "OTHER", state: "DRAFT" } });
    return row.id;
  },
});

export const judges = defineResource({
  key: "judges",
  entityType: "Judge",
  model: "judge",
  createInput: judgeCreate,
  updateInput: judgeUpdate,
  columns: ["Name", "Court"],
  async read(db, id) {
    const row = await db.judge.findUnique({ where: { id }, include: { court: { select: { name: true } } } });
    if (!row) return null;
    return {
      id: row.id,
      state: row.state,
      version: row.version,
      title: row.fullName,
      values: { fullName: row.fullName, courtId: show.text(row.courtId) },
      labels: labelsOf({ courtId: row.court?.name }),
    };
  },
  async create(tx, input) {
    const row = await tx.judge.create({ data: { fullName: input.fullName, courtId: input.courtId ?? null, state: "DRAFT" } });
    return row.id;
  },
  async update(tx, id, input) {
    await tx.judge.update({ where: { id }, data: { fullName: input.fullName, courtId: input.courtId ?? null } });
  },
  async list(db, query) {
    const court = parentId(query);
    const where = {
      ...stateWhere(query),
      ...(court ? { courtId: court } : {}),
      ...(query.q ? { fullName: containsText(query.q) } : {}),
    };
    const [rows, total] = await Promise.all([
      db.judge.findMany({ where, orderBy: [{ fullName: "asc" }, { id: "asc" }], ...pageWindow(query.page), include: { court: { select: { name: true } } } }),
      db.judge.count({ where }),
    ]);
    return { total, rows: rows.map((row) => ({ id: row.id, state: row.state, cells: [row.fullName, row.court?.name ?? ""] })) };
  },
  async match(db, q, limit) {
    const rows = await db.judge.findMany({
      where: q ? { fullName: containsText(q) } : {},
      orderBy: { fullName: "asc" },
      take: limit,
      include: { court: { select: { name: true } } },
    });
    return rows.map((row) => ({ id: row.id, label: row.fullName, hint: row.court?.name }));
  },
});

async function lawyerSlugTaken(db: Db, slug: string) {
  return Boolean(await db.lawyer.findUnique({ where: { slug }, select: { id: true } }));
}

export const lawyers = defineResource({
  key: "lawyers",
  entityType: "Lawyer",
  model: "lawyer",
  createInput: lawyerCreate,
  updateInput: lawyerUpdate,
  columns: ["Name", "Also a prisoner"],
  async read(db, id) {
    const row = await db.lawyer.findUnique({ where: { id }, include: { prisoner: { select: { fullName: true } } } });
    if (!row) return null;
    return {
      id: row.id,
      state: row.state,
      version: row.version,
      title: row.fullName,
      values: {
        fullName: row.fullName,
        slug: row.slug,
        aliases: show.lines(row.aliases),
        prisonerId: show.text(row.prisonerId),
      },
      labels: labelsOf({ prisonerId: row.prisoner?.fullName }),
    };
  },
  async create(tx, input) {
    const slug = await freeSlug((candidate) => lawyerSlugTaken(tx, candidate), input.fullName, input.slug);
    const row = await tx.lawyer.create({
      data: { slug, fullName: input.fullName, aliases: input.aliases, prisonerId: input.prisonerId ?? null, state: "DRAFT" },
    });
    return row.id;
  },
  async update(tx, id, input) {
    await tx.lawyer.update({
      where: { id },
      data: {
        ...(input.slug ? { slug: input.slug } : {}),
        fullName: input.fullName,
        aliases: input.aliases,
        prisonerId: input.prisonerId ?? null,
      },
    });
  },
  async list(db, query) {
    const where = {
      ...stateWhere(query),
      ...(query.q ? { OR: [{ fullName: containsText(query.q) }, { aliases: { has: query.q } }] } : {}),
    };
    const [rows, total] = await Promise.all([
      db.lawyer.findMany({ where, orderBy: [{ fullName: "asc" }, { id: "asc" }], ...pageWindow(query.page), include: { prisoner: { select: { fullName: true } } } }),
      db.lawyer.count({ where }),
    ]);
    return { total, rows: rows.map((row) => ({ id: row.id, state: row.state, cells: [row.fullName, row.prisoner ? "Yes" : ""] })) };
  },
  async match(db, q, limit) {
    const rows = await db.lawyer.findMany({ where: q ? { fullName: containsText(q) } : {}, orderBy: { fullName: "asc" }, take: limit });
    return rows.map((row) => ({ id: row.id, label: row.fullName, hint: hint(row.state) }));
  },
  async quickCreate(tx, name) {
    const slug = await freeSlug((candidate) => lawyerSlugTaken(tx, candidate), name);
    const row = await tx.lawyer.create({ data: { slug, fullName: name, state: "DRAFT" } });
    return row.id;
  },
});
