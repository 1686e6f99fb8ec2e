import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";

/**
 * LISTEN/NOTIFY across connections, run against both databases: PostgreSQL, and the embedded
 * server, where the relay (lib/db/notification-relay.ts) must give the same behaviour. Then the
 * triggers of the count-notifications migration.
 */
const opened: pg.Client[] = [];

async function connect(): Promise<pg.Client & { received: pg.Notification[] }> {
  const client = Object.assign(new pg.Client({ connectionString: process.env.DATABASE_URL }), {
    received: [] as pg.Notification[],
  });
  client.on("notification", (notification) => client.received.push(notification));
  await client.connect();
  opened.push(client);
  return client;
}

const uniqueChannel = () => `test_${randomBytes(5).toString("hex")}`;

/** Waits until the client has received what it expects, or fails after a few seconds. */
async function receivedBy(client: { received: pg.Notification[] }, count: number): Promise<pg.Notification[]> {
  const deadline = Date.now() + 5_000;
  while (client.received.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return client.received;
}

/** Gives a notification that should not arrive the time to arrive anyway. */
const settle = () => new Promise((r) => setTimeout(r, 300));

afterEach(async () => {
  await Promise.all(opened.splice(0).map((client) => client.end()));
});

describe("LISTEN/NOTIFY across connections", () => {
  it("delivers a committed notification to the listening connection, not to the one that sent it", async () => {
    const [listener, writer] = [await connect(), await connect()];
    const channel = uniqueChannel();
    await listener.query(`LISTEN ${channel}`);
    await writer.query(`SELECT pg_notify($1, 'hello')`, [channel]);

    const [notification] = await receivedBy(listener, 1);
    expect(notification).toMatchObject({ channel, payload: "hello" });
    await settle();
    expect(writer.received).toEqual([]);
    expect(listener.received).toHaveLength(1);
  });

  it("delivers to every listener, and to the sender too when it listens", async () => {
    const [first, second] = [await connect(), await connect()];
    const channel = uniqueChannel();
    await first.query(`LISTEN ${channel}`);
    await second.query(`LISTEN ${channel}`);
    await second.query(`NOTIFY ${channel}, 'both'`);

    expect((await receivedBy(first, 1)).map((n) => n.payload)).toEqual(["both"]);
    expect((await receivedBy(second, 1)).map((n) => n.payload)).toEqual(["both"]);
  });

  it("delivers nothing from a transaction that is rolled back", async () => {
    const [listener, writer] = [await connect(), await connect()];
    const channel = uniqueChannel();
    await listener.query(`LISTEN ${channel}`);
    await writer.query("BEGIN");
    await writer.query(`SELECT pg_notify($1, 'rolled back')`, [channel]);
    await writer.query("ROLLBACK");
    await writer.query(`SELECT pg_notify($1, 'committed')`, [channel]);

    await receivedBy(listener, 1);
    await settle();
    expect(listener.received.map((n) => n.payload)).toEqual(["committed"]);
  });

  it("keeps delivering to one listener after another unlistens", async () => {
    const [staying, leaving, writer] = [await connect(), await connect(), await connect()];
    const channel = uniqueChannel();
    await staying.query(`LISTEN ${channel}`);
    await leaving.query(`LISTEN ${channel}`);
    await leaving.query(`UNLISTEN ${channel}`);
    await writer.query(`SELECT pg_notify($1, 'still here')`, [channel]);

    expect((await receivedBy(staying, 1)).map((n) => n.payload)).toEqual(["still here"]);
    await settle();
    expect(leaving.received).toEqual([]);
  });
});

describe("count notifications (migration 20261127000200)", () => {
  async function insertPrisoner(client: pg.Client, state: "DRAFT" | "PUBLISHED"): Promise<string> {
    const slug = `notify-test-${randomBytes(5).toString("hex")}`;
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO prisoner (slug, full_name, state) VALUES ($1, 'Notification Test Person', $2) RETURNING id`,
      [slug, state],
    );
    return rows[0].id;
  }

  it("notify habeas_count when a custody period is inserted, updated or deleted, once per transaction", async () => {
    const [listener, writer] = [await connect(), await connect()];
    await listener.query("LISTEN habeas_count");
    const prisonerId = await insertPrisoner(writer, "DRAFT");
    await settle();
    expect(listener.received).toEqual([]);

    await writer.query("BEGIN");
    const { rows } = await writer.query<{ id: string }>(
      `INSERT INTO custody_period (prisoner_id, start_date) VALUES ($1, current_date - 10) RETURNING id`,
      [prisonerId],
    );
    await writer.query(`UPDATE custody_period SET note = 'first note' WHERE id = $1`, [rows[0].id]);
    await writer.query("COMMIT");
    await receivedBy(listener, 1);
    await settle();
    expect(listener.received.map((n) => [n.channel, n.payload])).toEqual([["habeas_count", "custody_period"]]);

    await writer.query(`UPDATE custody_period SET state = 'ARCHIVED' WHERE id = $1`, [rows[0].id]);
    await writer.query(`DELETE FROM custody_period WHERE id = $1`, [rows[0].id]);
    expect(await receivedBy(listener, 3)).toHaveLength(3);
  });

  it("notify when a person is published or unpublished, and not for other edits", async () => {
    const [listener, writer] = [await connect(), await connect()];
    const prisonerId = await insertPrisoner(writer, "DRAFT");
    await listener.query("LISTEN habeas_count");

    await writer.query(`UPDATE prisoner SET biography = 'Edited' WHERE id = $1`, [prisonerId]);
    await writer.query(`UPDATE prisoner SET state = 'DRAFT' WHERE id = $1`, [prisonerId]);
    await settle();
    expect(listener.received).toEqual([]);

    await writer.query(`UPDATE prisoner SET state = 'PUBLISHED' WHERE id = $1`, [prisonerId]);
    await writer.query(`UPDATE prisoner SET state = 'ARCHIVED' WHERE id = $1`, [prisonerId]);
    const received = await receivedBy(listener, 2);
    expect(received.map((n) => n.payload)).toEqual(["prisoner", "prisoner"]);
  });
});
