import type pg from "pg";

/**
 * A normalised description of what Prisma's schema language can express: tables, columns,
 * enums, keys, foreign keys and indexes. Hand-written objects (rule_*, search_*, status_*),
 * which Prisma does not model, are left out, so two databases compare equal exactly when
 * their Prisma-visible structure agrees.
 */
const HAND_WRITTEN = /^(rule|search|status)_/;

export type SchemaSnapshot = Record<string, string[]>;

export async function snapshotSchema(client: pg.Client): Promise<SchemaSnapshot> {
  const rows = async (sql: string) => (await client.query(sql)).rows.map((row) => Object.values(row).join(" | "));
  return {
    tables: await rows(`
      SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1`),
    columns: await rows(`
      SELECT table_name, column_name, data_type, udt_name, coalesce(character_maximum_length, 0),
             is_nullable, coalesce(column_default, '')
      FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1, 2`),
    enums: await rows(`
      SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public'
      GROUP BY t.typname ORDER BY 1`),
    constraints: (await rows(`
      SELECT c.conrelid::regclass::text, c.conname, c.contype, pg_get_constraintdef(c.oid)
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE n.nspname = 'public' AND c.contype IN ('p', 'f', 'u', 'c', 'x')
        AND c.conrelid::regclass::text <> '_prisma_migrations' ORDER BY 1, 2`)).filter(
      (line) => !HAND_WRITTEN.test(line.split(" | ")[1]),
    ),
    indexes: (await rows(`
      SELECT tablename, indexname, indexdef FROM pg_indexes
      WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1, 2`)).filter(
      (line) => !HAND_WRITTEN.test(line.split(" | ")[1]),
    ),
    extensions: await rows(`SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY 1`),
  };
}

/** Lines present in one snapshot and not the other, per section. */
export function diffSnapshots(fromMigrations: SchemaSnapshot, fromSchema: SchemaSnapshot): string[] {
  const problems: string[] = [];
  for (const section of Object.keys(fromSchema)) {
    const migrated = new Set(fromMigrations[section] ?? []);
    const declared = new Set(fromSchema[section]);
    for (const line of declared) if (!migrated.has(line)) problems.push(`${section}: missing from migrations: ${line}`);
    for (const line of migrated) if (!declared.has(line)) problems.push(`${section}: not in schema.prisma: ${line}`);
  }
  return problems;
}
