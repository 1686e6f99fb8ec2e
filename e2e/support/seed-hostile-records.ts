import type { ResourceKey } from "../../lib/admin/record-types";
import { disconnect, prisma } from "../../lib/db/client";
import { acceptedInstead, hostileValue, hostileWebAddress } from "../../scripts/test-support/hostile";
import { creationOrder, editorTextFields, filledCreateForm, type EditorTextField } from "../../scripts/test-support/hostile-forms";
import { changeStateAs, createAs, savedId, snapshotOf, userByEmail } from "./editor-records";

/**
 * Seeds one record of every kind with hostile text in every text field an editor can set, as
 * the demo editor, through the admin's own actions, and publishes them all (for
 * e2e/stored-xss.spec.ts). Run with
 *   tsx --conditions=react-server e2e/support/seed-hostile-records.ts seed
 *   tsx --conditions=react-server e2e/support/seed-hostile-records.ts archive '<ids as JSON>'
 * and DATABASE_URL (and HABEAS_DB_MODE) of the database the app serves. Prints JSON.
 *
 * A field whose hostile value validation refuses (a javascript: link, a web address part, a
 * country code) is reported with the refusal, then saved with a value validation accepts: for
 * a link, a web address with markup in it. Events fall in 1630-1649 (this test's years).
 */

const EDITOR = "editor@demo.habeas.example";
const YEAR = 1632;

export type SeededField = EditorTextField & {
  token: string;
  /** Validation's messages when the hostile value was refused (then saved with an accepted one). */
  refused?: string[];
  /** The value as the record now holds it; for a list of lines, each line. */
  stored: string[];
};

export type HostileSeed = {
  editor: string;
  ids: Record<ResourceKey, string>;
  slugs: { prisoner: string; court: string; lawyer: string; facility: string };
  fields: SeededField[];
  /** Every text field of every form ("resource.name"), as lib/admin/forms.ts lists them. */
  expected: string[];
  /** Text on the person's citation (no form writes citations; set up directly). */
  citation: { excerpt: string; locator: string };
};

async function seed(): Promise<HostileSeed> {
  const user = await userByEmail(EDITOR);
  const all = editorTextFields();
  const editOnly = all.filter((field) => field.on === "edit");
  if (editOnly.length > 0) {
    throw new Error(`text fields only on edit forms are not exercised yet: ${editOnly.map((f) => `${f.resource}.${f.name}`).join(", ")}`);
  }
  const tokenOf = (field: { resource: string; name: string }) =>
    `t${all.findIndex((candidate) => candidate.resource === field.resource && candidate.name === field.name)}`;
  const ids: Partial<Record<ResourceKey, string>> = {};
  const fields: SeededField[] = [];

  for (const resource of creationOrder()) {
    const values = filledCreateForm(resource, ids, (field) => hostileValue(tokenOf(field), field), YEAR);
    const refused: Record<string, string[]> = {};
    let result = await createAs(user, resource, values);
    if (result.status === "error" && result.code === 400) {
      for (const [name, messages] of Object.entries(result.fieldErrors)) {
        const field = all.find((candidate) => candidate.resource === resource && candidate.name === name);
        if (!field) continue;
        refused[name] = messages ?? [];
        values[name] = field.kind === "url" ? hostileWebAddress(tokenOf(field)) : (acceptedInstead[name] ?? "");
      }
      result = await createAs(user, resource, values);
    }
    const id = savedId(resource, result);
    ids[resource] = id;
    const snapshot = await snapshotOf(resource, id);
    for (const field of all.filter((candidate) => candidate.resource === resource)) {
      const value = snapshot.values[field.name];
      const stored = (Array.isArray(value) ? value : String(value ?? "").split("\n")).filter(Boolean);
      fields.push({ ...field, token: tokenOf(field), refused: refused[field.name], stored });
    }
  }

  for (const resource of creationOrder()) {
    if ((await snapshotOf(resource, ids[resource]!)).state === "DRAFT") await changeStateAs(user, resource, ids[resource]!, "publish");
  }

  // Links no admin form writes (the seed and the import do): the lawyer on the case and at the
  // hearing, and the source cited for the person, with hostile text of its own.
  const citation = { excerpt: hostileValue("cx", { kind: "textarea", maxLength: 5000 }), locator: hostileValue("cl", { kind: "text", maxLength: 300 }) };
  await prisma.caseLawyer.create({ data: { caseId: ids.cases!, lawyerId: ids.lawyers! } });
  await prisma.hearingLawyer.create({ data: { hearingId: ids.hearings!, lawyerId: ids.lawyers! } });
  await prisma.citation.create({ data: { sourceId: ids.sources!, prisonerId: ids.prisoners!, ...citation } });

  const slug = async (model: "prisoner" | "court" | "lawyer" | "facility", id: string) =>
    (await (prisma[model] as unknown as { findUniqueOrThrow(args: object): Promise<{ slug: string }> }).findUniqueOrThrow({
      where: { id },
      select: { slug: true },
    })).slug;
  return {
    editor: EDITOR,
    ids: ids as Record<ResourceKey, string>,
    slugs: {
      prisoner: await slug("prisoner", ids.prisoners!),
      court: await slug("court", ids.courts!),
      lawyer: await slug("lawyer", ids.lawyers!),
      facility: await slug("facility", ids.facilities!),
    },
    fields,
    expected: all.map((each) => `${each.resource}.${each.name}`),
    citation,
  };
}

/** Takes the records off the public site again (archived, as an editor would), children first. */
async function archive(ids: Record<ResourceKey, string>) {
  const user = await userByEmail(EDITOR);
  for (const resource of creationOrder().reverse()) {
    if (!ids[resource]) continue;
    if ((await snapshotOf(resource, ids[resource])).state !== "ARCHIVED") await changeStateAs(user, resource, ids[resource], "archive");
  }
  return { archived: Object.keys(ids).length };
}

const [command, argument] = process.argv.slice(2);
try {
  if (command === "seed") console.log(JSON.stringify(await seed()));
  else if (command === "archive" && argument) console.log(JSON.stringify(await archive(JSON.parse(argument))));
  else throw new Error("usage: seed-hostile-records.ts seed | archive '<ids as JSON>'");
} finally {
  await disconnect();
}
