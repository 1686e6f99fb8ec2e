import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { startNotificationRelay } from "./notification-relay";

/**
 * The embedded default: PGlite (PostgreSQL compiled to WebAssembly) served over the PostgreSQL
 * wire protocol on a local port, so the app, the Prisma CLI and psql all talk to it
 * exactly as they talk to a production PostgreSQL.
 *
 * PGlite is a single session: the server queues every client's queries onto it, so
 * transactions of two clients would interleave without isolation. The app therefore uses a
 * pool of one connection in this mode (lib/db/client.ts), and tools that connect while the
 * app runs should only read.
 *
 * Clients reach the socket server through a relay (lib/db/notification-relay.ts) that delivers
 * NOTIFY to the connections that LISTEN, as PostgreSQL does; PGlite alone would hand every
 * notification to the connection that caused it. The live count depends on this.
 */
/** The extensions the migrations create; every PGlite that opens the data must load them. */
export const embeddedExtensions = { btree_gist, pg_trgm, unaccent };

export type EmbeddedServer = {
  url: string;
  port: number;
  dataDir: string | null;
  stop: () => Promise<void>;
};

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("could not determine a free port"));
      });
    });
  });
}

/** dataDir null keeps the database in memory (tests); otherwise it persists under dataDir. */
export async function startEmbeddedServer(options: {
  dataDir: string | null;
  port?: number;
  maxConnections?: number;
}): Promise<EmbeddedServer> {
  if (options.dataDir) fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const db = await PGlite.create({ dataDir: options.dataDir ?? undefined, extensions: embeddedExtensions });
  const maxConnections = options.maxConnections ?? 8;
  // The socket server listens on an internal port; clients connect to the relay in front of it.
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections });
  await server.start();
  const internalPort = Number(server.getServerConn().split(":").pop());
  const relay = await startNotificationRelay({
    host: "127.0.0.1",
    port: options.port ?? 0,
    upstream: { host: "127.0.0.1", port: internalPort },
    maxConnections,
  });
  const port = relay.port;
  let stopped = false;
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    port,
    dataDir: options.dataDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await relay.stop();
      await server.stop();
      await db.close();
    },
  };
}
