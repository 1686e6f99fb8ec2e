import "server-only";
import { prisma } from "../../db/client";
import { prisonerCreate, prisonerUpdate, type PrisonerCreate } from "../../validation/prisoner";
import { containsText, defineResource, freeSlug, pageWindow, partialColumns, show, stateWhere, type Db } from "./engine";

/** People: names, categories, and the private record (prisoner_private), edited as one. */

const include = {
  names: { orderBy: { value: "asc" }, select: { value: true } },
  categories: { select: { category: { select: { id: true, name: true } } } },
  privateRecord: { select: { familyContact: true, healthDetails: true, internalNotes: true } },
} as const;

function privateData(input: PrisonerCreate) {
  return {
    familyContact: input.familyContact ?? null,
    healthDetails: input.healthDetails ?? null,
    internalNotes: input.internalNotes ?? null,
  };
}

async function slugTaken(db: Db, slug: string, except?: string) {
  const found = await db.prisoner.findUnique({ where: { slug }, select: { id: true } });
  return Boolean(found && found.id !== except);
}

export const prisoners = defineResource({
  key: "prisoners",
  entityType: "Prisoner",
  model: "prisoner",
  createInput: prisonerCreate,
  updateInput: prisonerUpdate,
  columns: ["Name", "Address", "Last changed"],

  async read(db, id) {
    const row = await db.prisoner.findUnique({ where: { id }, include });
    if (!row) return null;
    const categories = row.categories.map((entry) => entry.category).sort((a, b) => a.name.localeCompare(b.name));
    return {
      id: row.id,
      state: row.state,
      version: row.version,
      title: row.fullName,
      values: {
        fullName: row.fullName,
        slug: row.slug,
        gender: row.gender,
        birth: show.partial(row.birthDate, row.birthPrecision),
        biography: show.text(row.biography),
        aliases: show.lines(row.names.map((name) => name.value)),
        categories: categories.map((category) => category.id),
        familyContact: show.text(row.privateRecord?.familyContact),
        healthDetails: show.text(row.privateRecord?.healthDetails),
        internalNotes: show.text(row.privateRecord?.internalNotes),
      },
      labels: { categories: categories.map((category) => category.name).join(", ") },
    };
  },

  async create(tx, input) {
    const slug = await freeSlug((candidate) => slugTaken(tx, candidate), input.fullName, input.slug);
    const birth = partialColumns(input.birth);
    const row = await tx.prisoner.create({
      data: {
        slug,
        fullName: input.fullName,
        gender: input.gender,
        birthDate: birth.date,
        birthPrecision: birth.precision,
        biography: input.biography ?? null,
        state: "DRAFT",
        names: { create: input.aliases.map((value) => ({ value, kind: "ALIAS" as const })) },
        categories: { create: input.categories.map((categoryId) => ({ categoryId })) },
        privateRecord: { create: privateData(input) },
      },
      select: { id: true },
    });
    return row.id;
  },

  async update(tx, id, input) {
    if (input.slug && (await slugTaken(tx, input.slug, id))) {
      await freeSlug(() => Promise.resolve(true), input.fullName, input.slug);
    }
    const birth = partialColumns(input.birth);
    await tx.prisoner.update({
      where: { id },
      data: {
        ...(input.slug ? { slug: input.slug } : {}),
        fullName: input.fullName,
        gender: input.gender,
        birthDate: birth.date,
        birthPrecision: birth.precision,
        biography: input.biography ?? null,
      },
    });
    // Names keep their kind (transliteration, native script, alias); new ones are aliases.
    await tx.prisonerName.deleteMany({ where: { prisonerId: id, value: { notIn: input.aliases } } });
    const kept = await tx.prisonerName.findMany({ where: { prisonerId: id }, select: { value: true } });
    const keptValues = new Set(kept.map((name) => name.value));
    const added = input.aliases.filter((value) => !keptValues.has(value));
    if (added.length > 0) {
      await tx.prisonerName.createMany({ data: added.map((value) => ({ prisonerId: id, value, kind: "ALIAS" as const })) });
    }
    await tx.prisonerCategory.deleteMany({ where: { prisonerId: id, categoryId: { notIn: input.categories } } });
    await tx.prisonerCategory.createMany({
      data: input.categories.map((categoryId) => ({ prisonerId: id, categoryId })),
      skipDuplicates: true,
    });
    await tx.prisonerPrivate.upsert({
      where: { prisonerId: id },
      create: { prisonerId: id, ...privateData(input) },
      update: { ...privateData(input), version: { increment: 1 } },
    });
  },

  async list(db, query) {
    const where = {
      ...stateWhere(query),
      ...(query.q
        ? { OR: [{ fullName: containsText(query.q) }, { searchText: containsText(query.q.toLowerCase()) }, { slug: containsText(query.q) }] }
        : {}),
    };
    const [rows, total] = await Promise.all([
      db.prisoner.findMany({
        where,
        orderBy: [{ fullName: "asc" }, { id: "asc" }],
        ...pageWindow(query.page),
        select: { id: true, state: true, fullName: true, slug: true, updatedAt: true },
      }),
      db.prisoner.count({ where }),
    ]);
    return {
      total,
      rows: rows.map((row) => ({ id: row.id, state: row.state, cells: [row.fullName, row.slug, show.day(row.updatedAt)] })),
    };
  },

  async match(db, q, limit) {
    const rows = await db.prisoner.findMany({
      where: q ? { OR: [{ fullName: containsText(q) }, { searchText: containsText(q.toLowerCase()) }] } : {},
      orderBy: { fullName: "asc" },
      take: limit,
      select: { id: true, fullName: true, state: true },
    });
    return rows.map((row) => ({ id: row.id, label: row.fullName, hint: row.state === "PUBLISHED" ? undefined : row.state.toLowerCase() }));
  },
});

/** Categories a person can be given (journalist, human rights defender, …). */
export async function listCategoryChoices(): Promise<{ value: string; label: string }[]> {
  const rows = await prisma.category.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
  return rows.map((row) => ({ value: row.id, label: row.name }));
}
