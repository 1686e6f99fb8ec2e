import { randomBytes } from "node:crypto";
import { disconnect, prisma } from "../../lib/db/client";
import { writeAudit, type Actor } from "../../lib/data/audit";
import { recordArrest } from "../../lib/data/custody";

/**
 * The record e2e/workspace-corrections.spec.ts works on, made and taken back from another
 * process through the data layer, so that the demo record other tests read stays as the seed
 * left it. Run with
 *   tsx --conditions=react-server e2e/support/corrections-fixture.ts setup
 *   tsx --conditions=react-server e2e/support/corrections-fixture.ts archive <prisonerId>
 * and DATABASE_URL (and HABEAS_DB_MODE) of the database the app serves. Prints JSON.
 *
 * setup: a published, obviously fictitious person held since 1 March 1605 (decision 0019's
 * years) at one published facility, a second published facility to be transferred to, and a
 * published source. archive: the person is archived, so no public page or count shows them.
 */
const actor: Actor = { kind: "process", label: "e2e corrections" };
const [command, prisonerId] = process.argv.slice(2);

try {
  if (command === "setup") {
    const unique = randomBytes(4).toString("hex");
    const facility = (name: string) =>
      prisma.facility.create({ data: { slug: `e2e-${name.toLowerCase().replace(/\s+/g, "-")}-${unique}`, name: `${name} ${unique}`, kind: "PRISON", state: "PUBLISHED" } });
    const first = await facility("Corrections First Prison");
    const second = await facility("Corrections Transfer Prison");
    const source = await prisma.source.create({
      data: { kind: "WEB_PAGE", title: `Corrections transfer report ${unique}`, url: "https://example.org/e2e-transfer", state: "PUBLISHED" },
    });
    const prisoner = await prisma.prisoner.create({
      data: { slug: `e2e-corrections-${unique}`, fullName: `Corrections E2E Person ${unique}`, state: "PUBLISHED" },
    });
    const arrest = await recordArrest(actor, { prisonerId: prisoner.id, start: "1605-03-01", facilityId: first.id });
    console.log(
      JSON.stringify({
        prisonerId: prisoner.id,
        slug: prisoner.slug,
        fullName: prisoner.fullName,
        custodyPeriodId: arrest.id,
        facility: second.name,
        source: source.title,
      }),
    );
  } else if (command === "archive" && prisonerId) {
    await prisma.$transaction(async (tx) => {
      const before = await tx.prisoner.findUniqueOrThrow({ where: { id: prisonerId } });
      const after = await tx.prisoner.update({ where: { id: prisonerId }, data: { state: "ARCHIVED", version: { increment: 1 } } });
      await writeAudit(tx, { actor, action: "ARCHIVE", entityType: "Prisoner", entityId: prisonerId, before, after });
    });
    console.log(JSON.stringify({ archived: prisonerId }));
  } else {
    throw new Error("usage: corrections-fixture.ts setup | archive <prisonerId>");
  }
} finally {
  await disconnect();
}
