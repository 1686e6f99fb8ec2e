import { inject } from "vitest";

// Runs in each test worker before any test module imports the data layer.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.HABEAS_DB_MODE = inject("databaseMode");
