import { randomBytes } from "node:crypto";
import { inject } from "vitest";

// Runs in each test worker before any test module imports the data layer.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.HABEAS_DB_MODE = inject("databaseMode");
// Sessions and sealed secrets need a server secret; each run makes its own.
process.env.NEXTAUTH_SECRET ??= randomBytes(48).toString("base64url");
