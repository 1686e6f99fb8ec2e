import type { ResourceKey } from "../../lib/admin/record-types";
import type { SessionUser } from "../../lib/auth/user";
import { seedActor } from "../../lib/data/audit";
import { createUserWithPassword } from "../../lib/data/users";
import { disconnect, prisma } from "../../lib/db/client";
import { canaryValue } from "../../scripts/test-support/hostile";
import { creationOrder, filledCreateForm, type EditorTextField } from "../../scripts/test-support/hostile-forms";
import { changeStateAs, createAs, savedId, snapshotOf, updateAs } from "./editor-records";

/**
 * Seeds leak canaries for e2e/leak-canaries.spec.ts: a unique marker in every private field
 * and in every kind of draft and archived record, next to published records that the public
 * site shows. Run with
 *   tsx --conditions=react-server e2e/support/seed-canaries.ts seed <marker>
 *   tsx --conditions=react-server e2e/support/seed-canaries.ts archive '<ids as JSON>'
 * and DATABASE_URL (and HABEAS_DB_MODE) of the database the app serves. Prints JSON.
 *
 * All records are written by a new editor whose name and email are canaries too, through
 * the admin's own actions (e2e/support/editor-records.ts), so that the audit log (which the
 * public change log reads) holds canaries in its before/after snapshots and its actor.
 *
 *   published   one record of every kind, published; public text plain, private text canaries;
 *               the person's private fields edited once more (two audit snapshots with canaries)
 *   draft       one record of every kind, left a draft, every text field a canary, attached to
 *               the published records (a draft hearing in a published case, a draft decree
 *               naming the published person…)
 *   archived    the same, then archived
 *   twins       three published people for the link-preview image: two with one name (one
 *               with private canaries, one without) and one with another name
 *
 * Every text column of every *_private table must hold a canary afterwards (checked here
 * from information_schema: a new private column fails the seed until it is canaried). Custody
 * events fall in 1640-1641 (this test's years are 1630-1649).
 */

const YEAR = 1640;

type SetName = "published" | "draft" | "archived";

async function canaryEditor(marker: string): Promise<{ user: SessionUser; token: string }> {
  const email = `${marker}-editor@test.habeas.example`;
  const { id, token } = await prisma.$transaction((tx) =>
    createUserWithPassword(tx, seedActor, { email, name: `${marker} editor name`, role: "EDITOR" }),
  );
  return { user: { id, email, name: `${marker} editor name`, role: "EDITOR" }, token: token! };
}

async function seed(marker: string) {
  const { user, token } = await canaryEditor(marker);
  const ids: Record<SetName, Partial<Record<ResourceKey, string>>> = { published: {}, draft: {}, archived: {} };
  const canary = (set: SetName) => (field: EditorTextField) =>
    field.kind === "url"
      ? `https://example.org/${marker}/${set}/${field.resource}/${field.name}`
      : field.kind === "lines"
        ? `${marker} ${set} ${field.resource} ${field.name} alias`
        : canaryValue(marker, `${set} ${field.resource} ${field.name}`, field.maxLength);
  const publicText = (field: EditorTextField) =>
    field.private
      ? canary("published")(field)
      : field.kind === "url"
        ? `https://example.org/leak-crawl/${field.resource}/${field.name}`
        : `Leak crawl ${field.resource} ${field.name}`.slice(0, field.maxLength);
  const create = async (set: SetName, resource: ResourceKey, parents: Partial<Record<ResourceKey, string>>, text: (field: EditorTextField) => string) => {
    const values = filledCreateForm(resource, parents, text, YEAR, { published: 1, draft: 2, archived: 3 }[set]);
    // Fields with a format of their own (country codes, article numbers, web address parts).
    if ("country" in values) values.country = "AZ";
    if ("article" in values) values.article = set === "published" ? "999.1" : `999.${set === "draft" ? 2 : 3}`;
    if ("slug" in values) values.slug = "";
    const id = savedId(resource, await createAs(user, resource, values));
    ids[set][resource] = id;
    return id;
  };

  // Published: each record points at the published records made before it.
  for (const resource of creationOrder()) {
    await create("published", resource, ids.published, publicText);
    const id = ids.published[resource]!;
    if ((await snapshotOf(resource, id)).state === "DRAFT") await changeStateAs(user, resource, id, "publish");
  }
  // The published person is released, so the count of people imprisoned now is as it was.
  const released = await updateAs(user, "custody", ids.published.custody!, { end: `${YEAR + 1}-06-01`, reason: "ACQUITTED", decreeId: "", note: "Leak crawl release" });
  if (released.status !== "ok") throw new Error(`release refused: ${JSON.stringify(released)}`);
  const person = await snapshotOf("prisoners", ids.published.prisoners!);
  const edited = await updateAs(user, "prisoners", ids.published.prisoners!, {
    ...(person.values as Record<string, string | string[]>),
    familyContact: canaryValue(marker, "published family contact, edited"),
    healthDetails: canaryValue(marker, "published health details, edited"),
    internalNotes: canaryValue(marker, "published internal notes, edited"),
  });
  if (edited.status !== "ok") throw new Error(`edit refused: ${JSON.stringify(edited)}`);

  // Drafts and archived records beside the published ones. Two links go to a hidden person of
  // their own: one open custody period per person, and one lawyer record per person.
  for (const set of ["draft", "archived"] as const) {
    const hiddenPerson = await create(set, "prisoners", {}, canary(set));
    for (const resource of creationOrder().filter((key) => key !== "prisoners")) {
      const parents = resource === "custody" || resource === "lawyers" ? { ...ids.published, prisoners: hiddenPerson } : ids.published;
      await create(set, resource, parents, canary(set));
    }
  }
  for (const resource of creationOrder().reverse()) {
    await changeStateAs(user, resource, ids.archived[resource]!, "archive");
    // A custody period is public when saved (it changes the count); the draft set's belongs to a draft person.
    const draft = await snapshotOf(resource, ids.draft[resource]!);
    if (draft.state !== "DRAFT" && resource !== "custody") throw new Error(`${resource} draft is ${draft.state}`);
  }

  // Citations: no admin form writes them (the seed and the import do). A published source and a
  // draft one, both cited for the published person.
  await prisma.citation.create({ data: { sourceId: ids.published.sources!, prisonerId: ids.published.prisoners!, excerpt: "Leak crawl excerpt" } });
  await prisma.citation.create({ data: { sourceId: ids.draft.sources!, prisonerId: ids.published.prisoners!, excerpt: canaryValue(marker, "draft citation") } });

  // Twins for the link-preview image.
  const twin = async (name: string, privateText: boolean) => {
    const values: Record<string, string> = { fullName: name, gender: "UNSPECIFIED" };
    if (privateText) {
      values.familyContact = canaryValue(marker, "twin family contact");
      values.healthDetails = canaryValue(marker, "twin health details");
      values.internalNotes = canaryValue(marker, "twin internal notes");
    }
    const id = savedId("prisoners", await createAs(user, "prisoners", values));
    await changeStateAs(user, "prisoners", id, "publish");
    return id;
  };
  const twins = {
    withPrivate: await twin("Leak Crawl Twin", true),
    withoutPrivate: await twin("Leak Crawl Twin", false),
    control: await twin("Leak Crawl Other", false),
  };

  const privateColumns = await checkPrivateColumns(marker, [
    ...Object.values(ids).map((set) => set.prisoners!),
    ...Object.values(ids).map((set) => set.sources!),
    twins.withPrivate,
  ]);

  const slugs = async (model: "prisoner" | "court" | "lawyer" | "facility", id: string | undefined) =>
    id
      ? (await (prisma[model] as unknown as { findUniqueOrThrow(args: object): Promise<{ slug: string }> }).findUniqueOrThrow({ where: { id }, select: { slug: true } })).slug
      : undefined;
  const hidden: { kind: string; slug: string }[] = [];
  for (const set of ["draft", "archived"] as const) {
    for (const [kind, model, resource] of [
      ["prisoners", "prisoner", "prisoners"],
      ["courts", "court", "courts"],
      ["lawyers", "lawyer", "lawyers"],
      ["facilities", "facility", "facilities"],
    ] as const) {
      hidden.push({ kind, slug: (await slugs(model, ids[set][resource]))! });
    }
  }
  return {
    marker,
    /** Secrets that are not marked: the new editor's one-time password link. */
    secrets: [token],
    published: {
      prisoner: (await slugs("prisoner", ids.published.prisoners))!,
      court: (await slugs("court", ids.published.courts))!,
      lawyer: (await slugs("lawyer", ids.published.lawyers))!,
      facility: (await slugs("facility", ids.published.facilities))!,
    },
    twins: {
      withPrivate: (await slugs("prisoner", twins.withPrivate))!,
      withoutPrivate: (await slugs("prisoner", twins.withoutPrivate))!,
      control: (await slugs("prisoner", twins.control))!,
    },
    hidden,
    privateColumns,
    kinds: Object.fromEntries((["draft", "archived"] as const).map((set) => [set, Object.keys(ids[set]).sort()])),
    cleanup: { ...ids.published, twins: Object.values(twins) },
  };
}

/**
 * Every text column of every table holding private facts (decision 0005: the *_private
 * tables), and for each, that all the seeded rows hold the marker in it. Throws otherwise.
 */
async function checkPrivateColumns(marker: string, recordIds: string[]): Promise<string[]> {
  const columns = await prisma.$queryRaw<{ table: string; column: string }[]>`
    SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name LIKE '%\\_private'
      AND data_type IN ('text', 'character varying', 'character')
    ORDER BY table_name, column_name`;
  if (columns.length === 0) throw new Error("no private tables found");
  for (const { table, column } of columns) {
    const key = await prisma.$queryRaw<{ column: string }[]>`
      SELECT a.attname AS "column" FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indrelid = ${table}::regclass AND i.indisprimary`;
    const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
    const [row] = await prisma.$queryRawUnsafe<{ seeded: number; canaried: number }[]>(
      `SELECT count(*)::int AS seeded, count(*) FILTER (WHERE ${quote(column)} ILIKE '%' || $2 || '%')::int AS canaried
       FROM ${quote(table)} WHERE ${quote(key[0].column)}::text = ANY($1::text[])`,
      recordIds,
      marker,
    );
    if (row.seeded === 0 || row.canaried !== row.seeded) {
      throw new Error(`${table}.${column}: ${row.canaried} of ${row.seeded} seeded rows hold a canary`);
    }
  }
  return columns.map(({ table, column }) => `${table}.${column}`);
}

/** Archives the published records (the person, their case…), children first, as an editor would. */
async function archive(ids: Partial<Record<ResourceKey, string>> & { twins: string[] }) {
  const user = await prisma.user.findFirstOrThrow({ where: { email: "editor@demo.habeas.example" }, select: { id: true, email: true, name: true, role: true } });
  for (const resource of creationOrder().reverse()) {
    const id = ids[resource];
    if (id && (await snapshotOf(resource, id)).state !== "ARCHIVED") await changeStateAs(user, resource, id, "archive");
  }
  for (const id of ids.twins) await changeStateAs(user, "prisoners", id, "archive");
  return { archived: true };
}

const [command, argument] = process.argv.slice(2);
try {
  if (command === "seed" && argument) console.log(JSON.stringify(await seed(argument)));
  else if (command === "archive" && argument) console.log(JSON.stringify(await archive(JSON.parse(argument))));
  else throw new Error("usage: seed-canaries.ts seed <marker> | archive '<ids as JSON>'");
} finally {
  await disconnect();
}
