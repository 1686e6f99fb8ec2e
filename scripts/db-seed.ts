import { disconnect, prisma } from "../lib/db/client";
import { seedDemo } from "../prisma/seed/demo";

/**
 * `npm run db:seed`: loads the demo data set in one transaction; running it again changes
 * nothing. With --if-empty (used at start-up) it seeds only a database with no prisoners.
 */
const ifEmpty = process.argv.includes("--if-empty");

try {
  if (ifEmpty && (await prisma.prisoner.count()) > 0) {
    console.log("[habeas] database already holds records: demo data not loaded");
  } else {
    const result = await prisma.$transaction((tx) => seedDemo(tx), { timeout: 120_000, maxWait: 30_000 });
    console.log(
      result === "seeded" ? "[habeas] demo data loaded" : "[habeas] demo data already present: nothing changed",
    );
  }
} finally {
  await disconnect();
}
