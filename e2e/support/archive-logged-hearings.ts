import { disconnect, prisma } from "../../lib/db/client";
import { writeAudit, type Actor } from "../../lib/data/audit";
import { fromIsoDay } from "../../lib/dates";

/**
 * Takes back, after a test, the hearings that test logged: every published hearing of one
 * person on one day that was not written by the demo seed is archived (with its motions and
 * the extensions it ordered), through one audited transaction, so that the demo record other
 * end-to-end tests read is as the seed left it. Run with
 *   tsx --conditions=react-server e2e/support/archive-logged-hearings.ts <slug> <YYYY-MM-DD>
 * and DATABASE_URL (and HABEAS_DB_MODE) of the database the app serves. Prints JSON.
 */
const actor: Actor = { kind: "process", label: "e2e clean-up" };
const [slug, day] = process.argv.slice(2);

try {
  if (!slug || !day) throw new Error("usage: archive-logged-hearings.ts <slug> <YYYY-MM-DD>");
  const archived = await prisma.$transaction(async (tx) => {
    const hearings = await tx.hearing.findMany({
      where: { date: fromIsoDay(day), state: { not: "ARCHIVED" }, case: { prisoner: { slug } } },
      include: { motions: true, extensions: true },
    });
    const seeded = new Set(
      (
        await tx.auditEntry.findMany({
          where: { entityType: "Hearing", action: "CREATE", actorLabel: "seed", entityId: { in: hearings.map((row) => row.id) } },
          select: { entityId: true },
        })
      ).map((entry) => entry.entityId),
    );
    let count = 0;
    for (const hearing of hearings.filter((row) => !seeded.has(row.id))) {
      const rows = [
        ["Hearing", hearing, () => tx.hearing.update({ where: { id: hearing.id }, data: { state: "ARCHIVED", version: { increment: 1 } } })],
        ...hearing.motions.map(
          (motion) => ["Motion", motion, () => tx.motion.update({ where: { id: motion.id }, data: { state: "ARCHIVED", version: { increment: 1 } } })] as const,
        ),
        ...hearing.extensions.map(
          (extension) =>
            ["DetentionExtension", extension, () => tx.detentionExtension.update({ where: { id: extension.id }, data: { state: "ARCHIVED", version: { increment: 1 } } })] as const,
        ),
      ] as const;
      for (const [entityType, before, archive] of rows) {
        const after = await archive();
        await writeAudit(tx, { actor, action: "ARCHIVE", entityType, entityId: before.id, before, after });
      }
      count += 1;
    }
    return count;
  });
  console.log(JSON.stringify({ archived }));
} finally {
  await disconnect();
}
