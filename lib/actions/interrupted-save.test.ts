import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createCase } from "../../scripts/test-support/hearings";
import { testDatabaseMode } from "../../scripts/test-support/mode";
import { createCustodyPeriod, createPrisoner } from "../../scripts/test-support/records";
import { createTestUser } from "../../scripts/test-support/users";
import type { SessionUser } from "../auth/user";
import { disconnect, prisma } from "../db/client";
import { logHearingAction } from "./log-hearing";
import { performAction } from "./perform";

/**
 * A save whose database connection is cut in the middle of its transaction (security item 4's
 * neighbour: no half-written record). The hearing log writes many rows in one transaction; here
 * its connection is terminated by PostgreSQL (pg_terminate_backend, as a restart or a failover
 * would) after it has written some of them. Nothing may remain, the form gets its input back
 * with a clear message, and the next save works without a restart.
 *
 * PostgreSQL only: on the embedded server every client shares one session, so terminating "the
 * app's" connection would end everyone's.
 */
// One connection: a connection lost in a transaction and never handed back would leave the next
// save waiting for ever, so the last step below also proves the pool recovers.
process.env.HABEAS_DB_POOL_SIZE = "1";

// This file's records fall in 1700-1709.
const YEAR = 1700 + Math.floor(Math.random() * 10);

let editor: SessionUser;
beforeAll(async () => {
  editor = await createTestUser("EDITOR");
});
afterAll(disconnect);

function hearingForm(prisonerId: string, caseId: string, court: string) {
  return {
    prisonerId,
    caseId,
    courtName: court,
    courtKind: "DISTRICT",
    judgeName: `Judge ${court}`,
    lawyers: [`Lawyer ${court}`],
    date: `${YEAR}-03-10`,
    kind: "DETENTION_EXTENSION",
    status: "HELD",
    outcome: "Detention extended.",
    "motions.0.party": "INVESTIGATION",
    "motions.0.kind": "EXTEND_DETENTION",
    "motions.0.text": "Extend detention",
    "motions.0.ruling": "GRANTED",
    "motions.1.party": "DEFENCE",
    "motions.1.kind": "HOUSE_ARREST_OR_BAIL",
    "motions.1.text": "House arrest instead",
    "motions.1.ruling": "DISMISSED",
    result: "extended",
    until: `${YEAR}-06-10`,
  };
}

async function rowCounts() {
  const [hearing, motion, extension, court, judge, lawyer, audit] = await Promise.all([
    prisma.hearing.count(),
    prisma.motion.count(),
    prisma.detentionExtension.count(),
    prisma.court.count(),
    prisma.judge.count(),
    prisma.lawyer.count(),
    prisma.auditEntry.count(),
  ]);
  return { hearing, motion, extension, court, judge, lawyer, audit };
}

describe.runIf(testDatabaseMode() === "postgresql")("a save interrupted by a dropped connection", () => {
  it("writes nothing, returns the input with a clear message, and the next save succeeds", async () => {
    const person = await createPrisoner({ fullName: `Interrupted Save ${randomUUID().slice(0, 8)}` });
    const criminalCase = await createCase(person.id);
    await createCustodyPeriod({ prisonerId: person.id, start: `${YEAR}-01-01` });
    const court = `Interrupted Court ${randomUUID().slice(0, 8)}`;
    const form = hearingForm(person.id, criminalCase.id, court);
    const before = await rowCounts();

    // Another session holds back inserts into motion, so the save stops after writing its court,
    // judge, lawyer, hearing and their audit entries, with its transaction open.
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    // pg_stat_activity is read outside the blocker's transaction, which would see one snapshot.
    const monitor = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await Promise.all([blocker.connect(), monitor.connect()]);
    try {
      await blocker.query("BEGIN");
      await blocker.query("LOCK TABLE motion IN SHARE MODE");
      const saving = performAction(logHearingAction, editor, form);

      const waiting = await vi.waitFor(
        async () => {
          const { rows } = await monitor.query<{ pid: number }>(
            `SELECT pid FROM pg_stat_activity
              WHERE datname = current_database() AND pid <> pg_backend_pid()
                AND wait_event_type = 'Lock' AND state = 'active' AND query ILIKE '%motion%'`,
          );
          expect(rows).toHaveLength(1);
          return rows[0].pid;
        },
        { timeout: 20_000, interval: 50 },
      );
      const { rows: written } = await monitor.query<{ courts: number }>(
        "SELECT count(*)::int AS courts FROM court WHERE name = $1",
        [court],
      );
      // Uncommitted: invisible to others, but the save had got that far.
      expect(written[0].courts).toBe(0);
      await monitor.query("SELECT pg_terminate_backend($1)", [waiting]);
      await blocker.query("ROLLBACK");

      const result = await saving;
      expect(result).toMatchObject({ status: "error", code: 503 });
      if (result.status !== "error") throw new Error("saved");
      expect(result.message).toMatch(/nothing was saved/i);
      expect(result.values).toMatchObject({ courtName: court, "motions.1.text": "House arrest instead", until: `${YEAR}-06-10` });
    } finally {
      await Promise.all([blocker.end(), monitor.end()]);
    }

    expect(await rowCounts()).toEqual(before);
    expect(await prisma.court.count({ where: { name: court } })).toBe(0);

    // The pool dropped the dead connection and opened a new one: the same form saves now.
    const again = await performAction(logHearingAction, editor, form);
    expect(again).toMatchObject({ status: "ok" });
    expect(await prisma.court.count({ where: { name: court } })).toBe(1);
    expect((await rowCounts()).hearing).toBe(before.hearing + 1);
  });
});
