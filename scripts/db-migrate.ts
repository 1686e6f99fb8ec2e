import { migrate, openDatabase } from "./lib/database";

/** `npm run db:migrate`: applies committed migrations to DATABASE_URL, or to the embedded database. */
const database = await openDatabase();
console.log(`[habeas] database: ${database.describe}`);
try {
  await migrate(database);
} finally {
  await database.stop();
}
