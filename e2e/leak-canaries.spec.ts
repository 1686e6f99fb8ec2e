import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { resourceKeys } from "../lib/admin/record-types";
import { canaryMarker, findCanary } from "../scripts/test-support/hostile";

/**
 * Leak canaries (docs/security.md, item 2): drafts and private fields never leave the server.
 * e2e/support/seed-canaries.ts puts one run's marker into every private field (every text
 * column of the *_private tables, checked from the database's own catalogue), into one draft
 * and one archived record of every kind beside published ones, into the audit trail and the
 * name and email of the editor who wrote them. Then a crawler walks the public site from /,
 * /az, /ru, /sitemap.xml, /robots.txt and the OpenAPI document, following every same-origin
 * address in HTML (links, <link rel=alternate> feeds, images, og:image), in feeds and
 * sitemaps, and in API lists (their items and cursors); it reads each page's RSC payload
 * (`RSC: 1`), link-preview images, the count's event stream, 404 and error answers, and
 * fails on the marker anywhere. It counts what it visited of each kind, so it cannot pass by
 * visiting nothing.
 *
 * Link-preview images are pictures: text cannot be searched in them. They are drawn from the
 * public profile's summary only (name and status); the test proves that private fields
 * change nothing in them by comparing the image of a person with private canaries with that
 * of a person with the same name and none (byte for byte), and a third with another name
 * (which must differ, so that the comparison can fail).
 */

const run = promisify(execFile);

async function support(...args: string[]) {
  const { stdout } = await run("node_modules/.bin/tsx", ["--conditions=react-server", "e2e/support/seed-canaries.ts", ...args], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, HABEAS_DB_MODE: "embedded" },
    maxBuffer: 20 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split("\n").pop()!);
}

type Seed = {
  marker: string;
  secrets: string[];
  published: { prisoner: string; court: string; lawyer: string; facility: string };
  twins: { withPrivate: string; withoutPrivate: string; control: string };
  hidden: { kind: string; slug: string }[];
  privateColumns: string[];
  kinds: { draft: string[]; archived: string[] };
  cleanup: unknown;
};

type Kind = "page" | "rsc" | "api" | "export" | "feed" | "sitemap" | "image" | "stream" | "not-found" | "error" | "other";

let seed: Seed;
const marker = canaryMarker(randomBytes(6).toString("hex"));

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  // Requests only, no page in a browser: one screen size is enough.
  test.skip(test.info().project.name !== "desktop", "the crawl does not depend on the screen size");
  test.setTimeout(120_000);
  seed = await support("seed", marker);
});

test.afterAll(async () => {
  if (seed) await support("archive", JSON.stringify(seed.cleanup));
});

/** Not public: the workspace and sign-in (their own tests check who may read them). */
const NOT_PUBLIC = /^\/(admin|sign-in|set-password|api\/admin|api\/auth)(\/|$)|^\/_next\//;
/** Query-string variants followed per address, and pages followed per API list. */
const VARIANTS_PER_PATH = 3;
const PAGES_PER_LIST = 3;

function kindOf(path: string, contentType: string): Kind {
  if (path === "/sitemap.xml") return "sitemap";
  if (path.startsWith("/api/v1/export/")) return "export";
  if (path.startsWith("/api/")) return "api";
  if (path.startsWith("/feeds/")) return "feed";
  if (contentType.startsWith("image/")) return "image";
  if (contentType.startsWith("text/html")) return "page";
  return "other";
}

class Crawl {
  readonly origin: string;
  readonly visited = new Map<string, Kind>();
  readonly leaks: string[] = [];
  readonly counts: Record<Kind, number> = { page: 0, rsc: 0, api: 0, export: 0, feed: 0, sitemap: 0, image: 0, stream: 0, "not-found": 0, error: 0, other: 0 };
  private readonly queue: string[] = [];
  private readonly variants = new Map<string, number>();

  constructor(
    private readonly request: APIRequestContext,
    baseURL: string,
    private readonly secrets: string[],
  ) {
    this.origin = new URL(baseURL).origin;
  }

  /** Public text of the seeded records, found in some body: proof the crawl read them. */
  readonly controls = new Map<string, number>(
    ["Leak crawl prisoners biography", "Leak crawl courts name", "Leak crawl hearings outcome", "Leak crawl updates title"].map((text) => [text, 0]),
  );

  /** Searches one body for the marker and the unmarked secrets. */
  check(label: string, body: string, echo?: string) {
    const searched = echo ? body.split(echo).join("") : body;
    for (const [text, seen] of this.controls) if (searched.includes(text)) this.controls.set(text, seen + 1);
    const found = findCanary(searched, marker);
    if (found) this.leaks.push(`${label}: …${found}…`);
    for (const secret of this.secrets) if (searched.includes(secret)) this.leaks.push(`${label}: a one-time password link's token`);
  }

  enqueue(raw: string, from: string) {
    let url: URL;
    try {
      url = new URL(raw.replaceAll("&amp;", "&"), new URL(from, this.origin));
    } catch {
      return;
    }
    if (url.origin !== this.origin || NOT_PUBLIC.test(url.pathname)) return;
    url.hash = "";
    const address = url.pathname + url.search;
    if (this.visited.has(address) || this.queue.includes(address)) return;
    if (url.search) {
      const paged = url.searchParams.has("cursor");
      const key = `${url.pathname}${paged ? " pages" : ""}`;
      const seen = this.variants.get(key) ?? 0;
      if (seen >= (paged ? PAGES_PER_LIST : VARIANTS_PER_PATH)) return;
      this.variants.set(key, seen + 1);
    }
    this.queue.push(address);
  }

  /** Addresses in a body: attributes in HTML and XML, <loc> in sitemaps, strings in JSON. */
  discover(body: string, from: string, contentType: string) {
    for (const match of body.matchAll(/\b(?:href|src|content|action)="([^"]+)"/g)) {
      if (match[1].startsWith("/") || match[1].startsWith(this.origin)) this.enqueue(match[1], from);
    }
    for (const match of body.matchAll(/<(?:loc|id|uri)>([^<]+)<\//g)) this.enqueue(match[1], from);
    if (contentType.includes("json")) {
      let document: unknown;
      try {
        document = JSON.parse(body);
      } catch {
        return;
      }
      this.discoverJson(document, from);
    }
  }

  private discoverJson(node: unknown, from: string) {
    if (typeof node === "string") {
      if (node.startsWith(this.origin) || /^\/[a-z]/.test(node)) this.enqueue(node, from);
    } else if (Array.isArray(node)) {
      for (const item of node) this.discoverJson(item, from);
    } else if (node && typeof node === "object") {
      const record = node as Record<string, unknown>;
      const path = new URL(from, this.origin).pathname;
      // An API list: its next page, and each item by its slug.
      if (typeof record.nextCursor === "string") {
        const next = new URL(from, this.origin);
        next.searchParams.set("cursor", record.nextCursor);
        this.enqueue(next.pathname + next.search, from);
      }
      if (Array.isArray(record.data) && path.startsWith("/api/v1/")) {
        for (const item of record.data as Record<string, unknown>[]) {
          if (item && typeof item.slug === "string" && /^\/api\/v1\/(prisoners|courts|lawyers|facilities)$/.test(path)) {
            this.enqueue(`${path}/${item.slug}`, from);
          }
        }
      }
      // The OpenAPI document: every path without parameters.
      if (record.openapi && record.paths && typeof record.paths === "object") {
        const base = (record.servers as { url: string }[] | undefined)?.[0]?.url ?? "/api/v1";
        for (const route of Object.keys(record.paths)) {
          if (!route.includes("{")) this.enqueue(`${new URL(base, this.origin).pathname.replace(/\/$/, "")}${route}`, from);
        }
      }
      for (const value of Object.values(record)) this.discoverJson(value, from);
    }
  }

  async visit(address: string) {
    let response = await this.request.get(address, { maxRedirects: 0 });
    // Exports are limited to two at once per address (lib/api/export-slots.ts); three workers
    // may meet that limit, and ask again shortly, as a polite client does.
    for (let attempt = 0; response.status() === 429 && attempt < 20; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      response = await this.request.get(address, { maxRedirects: 0 });
    }
    const contentType = response.headers()["content-type"] ?? "";
    const status = response.status();
    let kind = kindOf(new URL(address, this.origin).pathname, contentType);
    if (status === 404) kind = "not-found";
    else if (status >= 400) kind = "error";
    this.visited.set(address, kind);
    this.counts[kind] += 1;
    const location = response.headers().location;
    if (status >= 300 && status < 400 && location) this.enqueue(location, address);
    const body = contentType.startsWith("image/") ? (await response.body()).toString("latin1") : await response.text();
    this.check(`${status} ${address}`, body);
    if (status < 300 && kind !== "image") this.discover(body, address, contentType);

    // The same page as the router fetches it on a client-side navigation.
    if (kind === "page" && status === 200) {
      const rsc = await this.rscPayload(address);
      expect(rsc.headers()["content-type"] ?? "", `RSC payload of ${address}`).toContain("text/x-component");
      this.counts.rsc += 1;
      this.check(`RSC ${address}`, await rsc.text());
    }
  }

  /**
   * A page's RSC payload, as Next renders it. The public page cache (lib/cache/proxy.ts) is
   * skipped with a cookie it takes for a session (it answers `RSC: 1` with the cached HTML,
   * which the crawl has read already), and Next's redirect to the `_rsc` address is followed.
   */
  async rscPayload(address: string) {
    const headers = { RSC: "1", Cookie: "crawl-session=anonymous" };
    let response = await this.request.get(address, { headers, maxRedirects: 0 });
    const location = response.headers().location;
    if (response.status() === 307 && location) response = await this.request.get(location, { headers, maxRedirects: 0 });
    return response;
  }

  async run(start: string[], concurrency = 3) {
    for (const address of start) this.enqueue(address, "/");
    const workers = Array.from({ length: concurrency }, async () => {
      for (;;) {
        const address = this.queue.shift();
        if (address === undefined) {
          // Others may still discover more: wait for them briefly by yielding, then stop when all are idle.
          if (this.active === 0) return;
          await new Promise((resolve) => setTimeout(resolve, 20));
          continue;
        }
        this.active += 1;
        try {
          await this.visit(address);
        } finally {
          this.active -= 1;
        }
      }
    });
    await Promise.all(workers);
  }

  private active = 0;
}

test("no canary in any public page, payload, feed, API answer, export, sitemap, image or stream", async ({ request, baseURL }) => {
  test.setTimeout(240_000);
  // The seed reached every kind of record and every private column.
  expect(seed.kinds.draft).toEqual([...resourceKeys].sort());
  expect(seed.kinds.archived).toEqual(seed.kinds.draft);
  expect(seed.privateColumns).toEqual(expect.arrayContaining(["prisoner_private.family_contact", "source_private.identity"]));

  const crawl = new Crawl(request, baseURL!, seed.secrets);
  await crawl.run([
    "/",
    "/az",
    "/ru",
    "/sitemap.xml",
    "/robots.txt",
    "/api/v1/openapi.json",
    // Short pages, so that the lists' cursors are followed.
    "/api/v1/prisoners?limit=4",
    "/api/v1/prisoners?limit=4&sort=arrested",
    "/api/count",
    `/prisoners/${seed.published.prisoner}`,
    `/prisoners/${seed.twins.withPrivate}`,
  ]);

  // The count's event stream: its first messages.
  const controller = new AbortController();
  const stream = await fetch(`${crawl.origin}/api/count/stream`, { signal: controller.signal });
  expect(stream.headers.get("content-type")).toContain("text/event-stream");
  const reader = stream.body!.getReader();
  let events = "";
  while (!events.includes("\n\n")) {
    const { value, done } = await reader.read();
    if (done) break;
    events += new TextDecoder().decode(value);
  }
  controller.abort();
  expect(events).toMatch(/data:/);
  crawl.check("/api/count/stream", events);
  crawl.counts.stream += 1;

  // Hidden records' addresses answer as addresses that never existed: 404, nothing more than
  // the address itself echoed back.
  const never = `never-${randomBytes(4).toString("hex")}`;
  for (const { kind, slug } of [...seed.hidden, { kind: "prisoners", slug: never }]) {
    const paths = [`/${kind}/${slug}`, `/az/${kind}/${slug}`, `/api/v1/${kind}/${slug}`];
    if (kind === "prisoners") {
      paths.push(
        `/ru/prisoners/${slug}/changes`,
        `/prisoners/${slug}/opengraph-image`,
        `/prisoners/${slug}/portrait`,
        `/feeds/prisoners/${slug}/events.atom`,
        `/feeds/prisoners/${slug}/events.json`,
        `/feeds/prisoners/${slug}/changes.atom`,
        `/feeds/prisoners/${slug}/hearings.ics`,
        `/feeds/prisoners/${slug}/cite.bib`,
      );
    }
    if (kind === "courts") paths.push(`/feeds/courts/${slug}/events.atom`);
    for (const path of paths) {
      for (const rsc of [false, true]) {
        if (rsc && (path.startsWith("/api/") || path.startsWith("/feeds/") || path.endsWith("-image") || path.endsWith("/portrait"))) continue;
        const response = rsc ? await crawl.rscPayload(path) : await request.get(path);
        // (An RSC payload carries its not-found page with 200: the router reads the status from the payload.)
        if (!rsc) expect(response.status(), path).toBe(404);
        crawl.counts["not-found"] += 1;
        crawl.check(`404 ${path}`, await response.text(), slug);
      }
    }
  }
  // Error answers: bad input to the API and the count, an unknown page.
  for (const path of ["/api/v1/prisoners?cursor=not-a-cursor", "/api/v1/prisoners?limit=100000", "/api/count?date=not-a-date", "/api/v1/count?date=1640-13-40", `/${never}`, `/ru/${never}/x`]) {
    const response = await request.get(path);
    expect(response.status(), path).toBeGreaterThanOrEqual(400);
    crawl.counts.error += 1;
    crawl.check(`${response.status()} ${path}`, await response.text());
  }

  expect(crawl.leaks).toEqual([]);

  // It went everywhere it should have, so it cannot pass by seeing nothing.
  const visited = [...crawl.visited.keys()];
  for (const path of [
    `/prisoners/${seed.published.prisoner}`,
    `/courts/${seed.published.court}`,
    `/lawyers/${seed.published.lawyer}`,
    `/facilities/${seed.published.facility}`,
    `/az/prisoners/${seed.published.prisoner}`,
    `/ru/prisoners/${seed.published.prisoner}/changes`,
    `/api/v1/prisoners/${seed.published.prisoner}`,
    `/feeds/prisoners/${seed.published.prisoner}/events.atom`,
    `/prisoners/${seed.published.prisoner}/opengraph-image`,
  ]) {
    expect(visited, `the crawl reached ${path}`).toContain(path);
  }
  expect(visited.filter((path) => path.includes("cursor=")).length, "API pages reached by cursor").toBeGreaterThanOrEqual(2);
  for (const [text, seen] of crawl.controls) expect(seen, `public text "${text}" read somewhere`).toBeGreaterThan(0);
  const summary = JSON.stringify(crawl.counts);
  expect(crawl.counts.page, summary).toBeGreaterThanOrEqual(60);
  expect(crawl.counts.rsc, summary).toBe(crawl.counts.page);
  expect(crawl.counts.api, summary).toBeGreaterThanOrEqual(15);
  expect(crawl.counts.export, summary).toBeGreaterThanOrEqual(2);
  expect(crawl.counts.feed, summary).toBeGreaterThanOrEqual(10);
  expect(crawl.counts.sitemap, summary).toBe(1);
  expect(crawl.counts.image, summary).toBeGreaterThanOrEqual(3);
  expect(crawl.counts["not-found"], summary).toBeGreaterThanOrEqual(50);
  expect(crawl.counts.error, summary).toBeGreaterThanOrEqual(4);
  console.log(`leak crawl: ${crawl.visited.size} addresses, ${summary}`);
});

test("the sitemap lists published people and records, and nothing hidden", async ({ request }) => {
  const response = await request.get("/sitemap.xml");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("xml");
  const body = await response.text();
  for (const path of [`/prisoners/${seed.published.prisoner}`, `/courts/${seed.published.court}`, `/lawyers/${seed.published.lawyer}`, `/facilities/${seed.published.facility}`, "/az/prisoners/leyla-yunus", "/ru/statistics"]) {
    expect(body).toContain(path);
  }
  for (const { slug } of seed.hidden) expect(body).not.toContain(slug);
});

test("a person's private fields change nothing in their link-preview image", async ({ request }) => {
  const image = async (slug: string, locale = "") => {
    const response = await request.get(`${locale}/prisoners/${slug}/opengraph-image`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    return response.body();
  };
  for (const locale of ["", "/az"]) {
    const withPrivate = await image(seed.twins.withPrivate, locale);
    const withoutPrivate = await image(seed.twins.withoutPrivate, locale);
    const control = await image(seed.twins.control, locale);
    expect(withPrivate.equals(control), "another name draws another image").toBe(false);
    expect(withPrivate.equals(withoutPrivate), "the same public facts draw the same image").toBe(true);
  }
});
