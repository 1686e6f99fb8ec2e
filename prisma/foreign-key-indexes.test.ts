import { afterAll, describe, expect, it } from "vitest";
import { disconnect, prisma } from "../lib/db/client";

afterAll(disconnect);

describe("the schema's indexes", () => {
  it("index every foreign key, so following or deleting a reference never reads a whole table", async () => {
    // A single-column foreign key whose column does not lead any index of its table.
    const unindexed = await prisma.$queryRawUnsafe<{ reference: string }[]>(`
      SELECT c.conrelid::regclass::text || '.' || a.attname AS reference
      FROM pg_constraint c
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND cardinality(c.conkey) = 1
        AND c.connamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1])
      ORDER BY 1`);
    expect(unindexed.map((row) => row.reference)).toEqual([]);
  });
});
