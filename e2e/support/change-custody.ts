import { randomBytes } from "node:crypto";
import { disconnect, prisma } from "../../lib/db/client";
import type { Actor } from "../../lib/data/audit";
import { recordArrest, recordRelease } from "../../lib/data/custody";
import { todayUtc } from "../../lib/dates";

/**
 * Changes the record from another process, through the data layer, as an advocate's save or an
 * import would, for the end-to-end tests of the live count. Run with
 *   tsx --conditions=react-server e2e/support/change-custody.ts arrest
 *   tsx --conditions=react-server e2e/support/change-custody.ts release <custodyPeriodId>
 * and DATABASE_URL (and HABEAS_DB_MODE) of the database the app serves. Prints JSON.
 */
const actor: Actor = { kind: "process", label: "e2e live count" };
const [command, custodyPeriodId] = process.argv.slice(2);

try {
  if (command === "arrest") {
    const unique = randomBytes(5).toString("hex");
    const prisoner = await prisma.prisoner.create({
      data: {
        slug: `e2e-live-count-${unique}`,
        fullName: `Live Count E2E Person ${unique}`,
        state: "PUBLISHED",
      },
    });
    const arrest = await recordArrest(actor, { prisonerId: prisoner.id, start: todayUtc() });
    console.log(
      JSON.stringify({ prisonerId: prisoner.id, custodyPeriodId: arrest.id, slug: prisoner.slug, fullName: prisoner.fullName }),
    );
  } else if (command === "release" && custodyPeriodId) {
    const release = await recordRelease(actor, { custodyPeriodId, version: 1, end: todayUtc(), reason: "ACQUITTED" });
    console.log(JSON.stringify(release));
  } else {
    throw new Error("usage: change-custody.ts arrest | release <custodyPeriodId>");
  }
} finally {
  await disconnect();
}
