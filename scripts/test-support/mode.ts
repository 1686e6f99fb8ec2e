/** Which database the integration suite runs against: HABEAS_TEST_DB=postgresql|embedded. */
export function testDatabaseMode(): "postgresql" | "embedded" {
  const mode = process.env.HABEAS_TEST_DB ?? "postgresql";
  if (mode !== "postgresql" && mode !== "embedded") {
    throw new Error(`HABEAS_TEST_DB must be postgresql or embedded, not ${mode}`);
  }
  return mode;
}

/**
 * The PostgreSQL server tests create their databases on: TEST_DATABASE_URL, else
 * DATABASE_URL, else the machine's local server. Tests never write to the named database
 * itself; they create and drop their own.
 */
export function testServerUrl(): string {
  return (
    process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres"
  );
}
