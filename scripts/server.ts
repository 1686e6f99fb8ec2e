import http from "node:http";
import { answerFromCache, frontCacheKey } from "../lib/cache/front";

/**
 * The production server: Next.js's request handler behind a front that answers public pages
 * already in the page cache itself, compressed once and with a fresh nonce each time
 * (lib/cache/front.ts, docs/decisions/0024-front-of-the-server.md). It is what `npm start`
 * runs (scripts/serve.ts starts it once the database is ready) and what the benchmark measures;
 * a deployment runs it the same way, after `next build`:
 *
 *   PORT=3000 HABEAS_LISTEN_HOST=127.0.0.1 DATABASE_URL=… NEXTAUTH_SECRET=… npm run start:production
 *
 * It listens on HABEAS_LISTEN_HOST (every interface when unset) and names itself "localhost" to
 * Next.js whatever address it listens on, so binding to 127.0.0.1 behind a reverse proxy is safe
 * (`next start --hostname 127.0.0.1` is not: docs/decisions/0011-languages.md).
 */

(process.env as Record<string, string>).NODE_ENV = "production";
const port = Number(process.env.PORT ?? "3000");
// The page cache renders a missing page through this server itself (lib/cache/proxy.ts).
process.env.PORT = String(port);

const { default: next } = await import("next");
const app = next({ dev: false, dir: process.cwd(), port, hostname: "localhost" });
await app.prepare();
const handle = app.getRequestHandler();

function toNext(request: http.IncomingMessage, response: http.ServerResponse): void {
  handle(request, response).catch((error: unknown) => {
    console.error("[habeas] request failed:", error);
    if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    response.end("Internal Server Error");
  });
}

const server = http.createServer((request, response) => {
  let key: string | null = null;
  try {
    key = frontCacheKey(request);
  } catch (error) {
    // The front is an optimisation: whatever it cannot read, Next.js answers.
    console.error("[habeas] page cache front failed:", error);
  }
  if (key === null) return toNext(request, response);
  answerFromCache(request, response, key).then(
    (answered) => {
      if (!answered) toNext(request, response);
    },
    (error: unknown) => {
      console.error("[habeas] page cache front failed:", error);
      if (!response.headersSent) toNext(request, response);
    },
  );
});

const listenHost = process.env.HABEAS_LISTEN_HOST || undefined;
server.listen(port, listenHost, () => {
  console.log(`[habeas] ready on http://${listenHost ?? "localhost"}:${port}`);
});

let closing = false;
function stop() {
  if (closing) return;
  closing = true;
  server.close();
  server.closeIdleConnections();
  void app.close().finally(() => process.exit(0));
  // Open event streams (the live count) do not end by themselves.
  setTimeout(() => process.exit(0), 3000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
