import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { Redis } from "ioredis";

/**
 * Two app instances behind one PostgreSQL and one Redis, and what happens when PostgreSQL stops
 * (docs/decisions/0023-several-instances-and-faults.md, docs/deployment.md).
 *
 * This file starts its own world, separate from the app the other specs use: a private
 * PostgreSQL cluster (initdb in a temporary directory, port 3239), migrated and seeded; instance A
 * (`scripts/serve.ts start`, as `npm start` runs it) and instance B (`next start`) from the same
 * build, with the same NEXTAUTH_SECRET and the same Redis prefix; and in front of them a small
 * balancer whose target the test switches, so the browser sees one site (one Host, one Origin)
 * as it would behind a real load balancer. Desktop project only: it is about servers, not screens.
 *
 * Waits are functional (poll until the change arrives, generous bounds), never timed assertions.
 */
const run = promisify(execFile);
const PORT_A = 3231;
const PORT_B = 3232;
const BALANCER_PORT = 3233;
const DATABASE_PORT = 3239;
const PG_BIN = process.env.HABEAS_PG_BIN ?? "/usr/lib/postgresql/15/bin";
const REDIS_URL = process.env.HABEAS_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const SITE = `http://127.0.0.1:${BALANCER_PORT}`;
const DATABASE_URL = `postgresql://postgres@127.0.0.1:${DATABASE_PORT}/postgres?sslmode=disable`;
const EDITOR = "editor@demo.habeas.example";
const PASSWORD = "demo-habeas-2014";
/** A change reaching another instance: notification, recount, render. */
const ARRIVES = { timeout: 20_000 };
/** The app noticing PostgreSQL is back: reconnection backoff, then a recount. */
const RECOVERS = { timeout: 60_000 };

test.describe.configure({ mode: "serial" });
test.skip(() => test.info().project.name !== "desktop", "servers, not screens: desktop only");

/** Made in beforeAll, so that loading this file (or skipping it) leaves nothing behind. */
let clusterDir = "";
let dataDir = "";
const servers: ChildProcess[] = [];
let balancer: http.Server | null = null;
let target: "A" | "B" = "A";
const redisPrefix = `habeas-test-${randomUUID()}`;
/** Which instance answered each request through the balancer. */
const served: { method: string; url: string; instance: "A" | "B" }[] = [];

/** PostgreSQL refuses to run as root; the cluster belongs to the postgres user then. */
function asPostgres(command: string, args: string[]) {
  return process.getuid?.() === 0 ? run("runuser", ["-u", "postgres", "--", command, ...args]) : run(command, args);
}

async function startDatabase() {
  await asPostgres(`${PG_BIN}/pg_ctl`, [
    "-D", dataDir, "-l", path.join(clusterDir, "postgres.log"), "-w", "-t", "60",
    "-o", `-p ${DATABASE_PORT} -c listen_addresses=127.0.0.1 -k ${clusterDir}`, "start",
  ]);
}

async function stopDatabase() {
  await asPostgres(`${PG_BIN}/pg_ctl`, ["-D", dataDir, "-m", "fast", "-w", "stop"]);
}

async function psql(sql: string): Promise<string> {
  const { stdout } = await run("psql", [DATABASE_URL, "-At", "-c", sql]);
  return stdout.trim();
}

function startBalancer() {
  balancer = http.createServer((request, response) => {
    const instance = target;
    served.push({ method: request.method ?? "GET", url: request.url ?? "/", instance });
    const upstream = http.request(
      { host: "127.0.0.1", port: instance === "A" ? PORT_A : PORT_B, method: request.method, path: request.url, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, { ...answer.headers, "x-test-instance": instance });
        answer.pipe(response);
      },
    );
    upstream.on("error", () => {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });
  return new Promise<void>((resolve) => balancer!.listen(BALANCER_PORT, "127.0.0.1", resolve));
}

function startInstance(command: string, args: string[], env: Record<string, string>) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const log = fs.createWriteStream(path.join(clusterDir, `instance-${env.PORT}.log`));
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  servers.push(child);
}

async function waitForInstance(request: APIRequestContext, port: number) {
  await expect
    .poll(async () => (await request.get(`http://127.0.0.1:${port}/about`).catch(() => null))?.status() ?? 0, { timeout: 240_000, intervals: [1_000] })
    .toBe(200);
}

test.beforeAll(async ({ request }) => {
  test.setTimeout(300_000);
  clusterDir = fs.mkdtempSync(path.join(os.tmpdir(), "habeas-instances-"));
  dataDir = path.join(clusterDir, "data");
  await run("chown", ["postgres:postgres", clusterDir]).catch(() => undefined);
  await asPostgres(`${PG_BIN}/initdb`, ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  await startDatabase();
  await startBalancer();
  const shared = {
    DATABASE_URL,
    HABEAS_DB_MODE: "postgresql",
    HABEAS_DB_POOL_SIZE: "3",
    NEXTAUTH_SECRET: randomBytes(36).toString("base64"),
    NEXTAUTH_URL: SITE,
    HABEAS_REDIS_URL: REDIS_URL,
    HABEAS_REDIS_PREFIX: redisPrefix,
  };
  // A migrates and seeds, as `npm start` does; B starts on the database A prepared.
  startInstance("node_modules/.bin/tsx", ["scripts/serve.ts", "start"], { ...shared, PORT: String(PORT_A) });
  await waitForInstance(request, PORT_A);
  startInstance("node_modules/.bin/next", ["start", "--port", String(PORT_B)], { ...shared, PORT: String(PORT_B) });
  await waitForInstance(request, PORT_B);
});

test.afterAll(async () => {
  for (const server of servers) server.kill("SIGTERM");
  await new Promise<void>((resolve) => (balancer ? balancer.close(() => resolve()) : resolve()));
  if (dataDir) await stopDatabase().catch(() => undefined);
  await Promise.all(
    servers.map((server) => (server.exitCode !== null ? undefined : new Promise<void>((resolve) => server.once("exit", () => resolve())))),
  );
  if (clusterDir) fs.rmSync(clusterDir, { recursive: true, force: true });
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${redisPrefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

type Page_ = { status: number; instance: string | undefined; cache: string | undefined; html: string };

/** One request through the balancer to the given instance, as an anonymous visitor. */
async function viaBalancer(request: APIRequestContext, instance: "A" | "B", url: string): Promise<Page_> {
  target = instance;
  const response = await request.get(`${SITE}${url}`, { maxRedirects: 0 });
  const headers = response.headers();
  return { status: response.status(), instance: headers["x-test-instance"], cache: headers["x-habeas-cache"], html: await response.text() };
}

const panelCount = (html: string) => Number(/data-testid="imprisoned-count"[^>]*>(\d+)</.exec(html)?.[1] ?? NaN);

async function signIn(page: Page, next: string) {
  await page.goto(`${SITE}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(EDITOR);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${SITE}${next}`);
}

/** A published demo person, with what the tests need to find them. */
async function somePerson(where: string) {
  const [id, slug, fullName] = (
    await psql(`SELECT id, slug, full_name FROM prisoner p WHERE state = 'PUBLISHED' AND ${where} ORDER BY slug LIMIT 1`)
  ).split("|");
  return { id, slug, fullName };
}

/** Reads a Server-Sent Events stream from one instance directly, keeping every count it sends. */
function countStream(port: number) {
  const counts: number[] = [];
  const controller = new AbortController();
  void (async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/count/stream`, { signal: controller.signal });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      for (const match of buffer.matchAll(/^data: (.*)$/gm)) counts.push((JSON.parse(match[1]) as { count: number }).count);
      buffer = buffer.slice(buffer.lastIndexOf("\n") + 1);
    }
  })().catch(() => undefined);
  return { counts, close: () => controller.abort() };
}

test("a session and a server action work on either instance, and an edit saved on A reaches B's cached profile", async ({ page, request }) => {
  test.setTimeout(120_000);
  const person = await somePerson("true");
  target = "A";
  await signIn(page, "/admin/records");

  // The session cookie A issued is valid on B.
  target = "B";
  await page.goto(`${SITE}/admin/records`);
  await expect(page).toHaveURL(`${SITE}/admin/records`);
  await expect(page.getByRole("heading", { name: "Records" })).toBeVisible();
  expect(served.at(-1)?.instance).toBe("B");

  // B's cache holds the profile before the edit.
  await expect.poll(async () => (await viaBalancer(request, "B", `/prisoners/${person.slug}`)).cache, ARRIVES).toBe("hit");

  // The form is rendered by B; its server action is posted to A.
  target = "B";
  await page.goto(`${SITE}/admin/prisoners/${person.id}`);
  const biography = `Edited across instances ${randomUUID()}`;
  await page.getByLabel("Biography").fill(biography);
  target = "A";
  const posts = served.length;
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  expect(served.slice(posts).filter((entry) => entry.method === "POST").map((entry) => entry.instance)).toEqual(["A"]);

  // B's cached profile shows it, without waiting for any expiry.
  await expect.poll(async () => (await viaBalancer(request, "B", `/prisoners/${person.slug}`)).html.includes(biography), ARRIVES).toBe(true);
});

test("an arrest saved on A reaches B's live count stream and B's cached home page", async ({ page, request }) => {
  test.setTimeout(120_000);
  // Someone published and free now: an arrest today cannot overlap an earlier period.
  const person = await somePerson(
    "NOT EXISTS (SELECT 1 FROM custody_period c WHERE c.prisoner_id = p.id AND (c.end_date IS NULL OR c.end_date >= current_date))",
  );
  await expect.poll(async () => (await viaBalancer(request, "B", "/")).cache, ARRIVES).toBe("hit");
  const before = panelCount((await viaBalancer(request, "B", "/")).html);
  expect(before).toBeGreaterThan(0);
  const stream = countStream(PORT_B);
  try {
    await expect.poll(() => stream.counts.at(-1), ARRIVES).toBe(before);

    target = "A";
    await signIn(page, "/admin/custody/new");
    const picker = page.getByRole("combobox", { name: "Person" });
    await picker.fill(person.fullName);
    await page.getByRole("option", { name: new RegExp(person.fullName) }).first().click();
    await page.getByLabel("Arrested on").fill(new Date().toISOString().slice(0, 10));
    await page.getByRole("button", { name: "Save arrest" }).click();
    // The arrest is published at once (an editor's custody change), and the page says so.
    await expect(page.getByRole("status").filter({ hasText: "Saved and published: it is on the public site now." })).toBeVisible(ARRIVES);
    await expect(page.getByText("Published", { exact: true })).toBeVisible();
    expect(served.filter((entry) => entry.method === "POST").at(-1)?.instance).toBe("A");

    await expect.poll(() => stream.counts.at(-1), ARRIVES).toBe(before + 1);
    await expect.poll(async () => panelCount((await viaBalancer(request, "B", "/")).html), ARRIVES).toBe(before + 1);
  } finally {
    stream.close();
  }
});

test("the cache is shared: a page A rendered is a hit on B", async ({ request }) => {
  const url = `/prisoners?q=${randomUUID().slice(0, 8)}`;
  await expect.poll(async () => (await viaBalancer(request, "A", url)).cache, ARRIVES).toBe("hit");
  const first = await viaBalancer(request, "B", url);
  expect(first).toMatchObject({ status: 200, instance: "B", cache: "hit" });
});

test("with PostgreSQL stopped, cached pages serve, the rest fail plainly, a save keeps its input; then all recovers", async ({ page, request }) => {
  test.setTimeout(240_000);
  const person = await somePerson("true");
  const profile = `/prisoners/${person.slug}`;
  await expect.poll(async () => (await viaBalancer(request, "A", profile)).cache, ARRIVES).toBe("hit");
  const cachedHtml = (await viaBalancer(request, "A", profile)).html;
  target = "A";
  await signIn(page, `/admin/prisoners/${person.id}`);

  await stopDatabase();
  try {
    // The stored profile, marked stale, from both instances.
    for (const instance of ["A", "B"] as const) {
      await expect.poll(async () => (await viaBalancer(request, instance, profile)).cache, ARRIVES).toBe("stale");
      const stale = await viaBalancer(request, instance, profile);
      expect(stale.status).toBe(200);
      expect(stale.html).toContain(person.fullName);
      expect(stale.html.length).toBeGreaterThan(cachedHtml.length / 2);
    }

    // A page never cached: an error page in the page's language, no stack trace, no database message.
    const uncached = await viaBalancer(request, "B", `/lawyers?q=${randomUUID().slice(0, 8)}`);
    expect(uncached.status).toBe(500);
    expect(uncached.html).toContain("This page cannot be shown just now");
    expect(uncached.html).not.toMatch(/ECONNREFUSED|\bat [\w.]+ \(|node_modules|prisma/i);
    const russian = await viaBalancer(request, "A", `/ru/courts?q=${randomUUID().slice(0, 8)}`);
    expect(russian.html).toContain("Сейчас эту страницу не удаётся показать");
    // In a browser: the page's own header and language, a way to retry, nothing an audit flags.
    const errorPage = await page.context().newPage();
    await errorPage.goto(`${SITE}/az/lawyers?q=${randomUUID().slice(0, 8)}`);
    await expect(errorPage.getByRole("heading", { name: "Bu səhifəni hazırda göstərmək mümkün deyil" })).toBeVisible();
    await expect(errorPage.getByRole("button", { name: "Yenidən cəhd edin" })).toBeVisible();
    const audit = await new AxeBuilder({ page: errorPage }).analyze();
    expect(audit.violations.map((violation) => violation.id)).toEqual([]);
    await errorPage.close();

    // The public API: problem details saying to come back.
    target = "A";
    const api = await request.get(`${SITE}/api/v1/prisoners`);
    expect(api.status()).toBe(503);
    expect(api.headers()["content-type"]).toContain("application/problem+json");
    expect(await api.json()).toMatchObject({ status: 503, title: "Service unavailable" });
    const count = await request.get(`${SITE}/api/count`);
    expect(count.status()).toBe(503);
    expect(count.headers()["retry-after"]).toBe("30");
    // Feeds, calendars, citation files and exports: 503 and when to come back, never a bare 500
    // or a 200 cut off after its first line.
    for (const path of [
      "/feeds/events.atom",
      "/feeds/hearings.ics",
      `/feeds/prisoners/${person.slug}/events.json`,
      `/feeds/prisoners/${person.slug}/cite.bib`,
      `/feeds/prisoners/${person.slug}/changes.atom`,
      "/api/v1/export/prisoners.csv",
      "/api/v1/export/prisoners.json",
    ]) {
      const document = await request.get(`${SITE}${path}`);
      expect(document.status(), path).toBe(503);
      expect(document.headers()["retry-after"], path).toBe("30");
    }

    // A save on the form loaded before: refused with a clear message, the typed text kept.
    const typed = `Typed while the database was down ${randomUUID()}`;
    await page.getByLabel("Biography").fill(typed);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("The database cannot be reached just now")).toBeVisible(ARRIVES);
    await expect(page.getByLabel("Biography")).toHaveValue(typed);

    // The workspace's own error page (its layout fails too, so the browser renders the boundary).
    const workspace = await page.context().newPage();
    const answer = await workspace.goto(`${SITE}/admin/records`);
    expect(answer?.status()).toBe(500);
    expect(await answer?.text()).not.toMatch(/ECONNREFUSED|\bat [\w.]+ \(|node_modules/);
    await expect(workspace.getByRole("heading", { name: "This page cannot be shown just now" })).toBeVisible();
    await workspace.close();
  } finally {
    await startDatabase();
  }

  // Back without restarting anything: pages render, the cache is on again (the listeners
  // reconnected), the same form saves, and the change reaches both instances' cached pages.
  for (const instance of ["A", "B"] as const) {
    await expect.poll(async () => (await viaBalancer(request, instance, `/lawyers?q=${randomUUID().slice(0, 8)}`)).status, RECOVERS).toBe(200);
    await expect.poll(async () => (await viaBalancer(request, instance, profile)).cache, RECOVERS).toBe("hit");
  }
  target = "A";
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible(ARRIVES);
  const typed = await page.getByLabel("Biography").inputValue();
  for (const instance of ["A", "B"] as const) {
    await expect.poll(async () => (await viaBalancer(request, instance, profile)).html.includes(typed), ARRIVES).toBe(true);
  }
});
