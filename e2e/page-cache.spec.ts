import { execFile } from "node:child_process";
import { get as httpGet, type IncomingHttpHeaders } from "node:http";
import { gunzipSync } from "node:zlib";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext } from "@playwright/test";

/**
 * The public page cache (docs/decisions/0012-public-page-cache.md): once a page is served from
 * the cache, a change saved elsewhere (another process, through the data layer) is on the next
 * page served, without waiting for any expiry (pages are kept up to an hour when nothing
 * changes). Correctness only: how fast the cache is belongs to `npm run bench`.
 */
const run = promisify(execFile);
/** A functional wait for the notification to arrive, not a timing assertion. */
const CHANGE = { timeout: 10_000 };

async function changeCustody(...args: string[]): Promise<{ custodyPeriodId: string; slug: string; fullName: string }> {
  const { stdout } = await run(
    "node_modules/.bin/tsx",
    ["--conditions=react-server", "e2e/support/change-custody.ts", ...args],
    { env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, HABEAS_DB_MODE: "embedded" } },
  );
  return JSON.parse(stdout.trim().split("\n").pop()!);
}

type Served = {
  cache: string | null;
  html: string;
  panelCount: number | null;
  headerCount: number | null;
  profileStatus: string | null;
};

async function serve(request: APIRequestContext, path: string): Promise<Served> {
  const response = await request.get(path);
  expect(response.status()).toBe(200);
  const html = await response.text();
  const number = (pattern: RegExp) => {
    const match = pattern.exec(html);
    return match ? Number(match[1]) : null;
  };
  return {
    cache: response.headers()["x-habeas-cache"] ?? null,
    html,
    panelCount: number(/data-testid="imprisoned-count"[^>]*>(\d+)</),
    headerCount: number(/data-testid="header-count"[^>]*><strong[^>]*>(\d+)</),
    profileStatus: /data-testid="profile-status"[^>]*>([^<]+)</.exec(html)?.[1] ?? null,
  };
}

/** Requests the page until it comes from the cache, and returns that response. */
async function servedFromCache(request: APIRequestContext, path: string): Promise<Served> {
  let served: Served | undefined;
  await expect
    .poll(async () => {
      served = await serve(request, path);
      return served.cache;
    }, CHANGE)
    .toBe("hit");
  return served!;
}

test("a change saved elsewhere is on the next page served from the cache", async ({ request }) => {
  const home = await servedFromCache(request, "/");
  expect(home.panelCount).not.toBeNull();
  expect(home.headerCount).toBe(home.panelCount);
  const before = home.panelCount!;

  const arrested = await changeCustody("arrest");
  expect(home.html).not.toContain(arrested.fullName);

  // The home page: the new count in the panel and the header, and the person in the latest arrests.
  await expect.poll(async () => (await serve(request, "/")).panelCount, CHANGE).toBe(before + 1);
  const homeAfter = await servedFromCache(request, "/");
  expect(homeAfter.headerCount).toBe(before + 1);
  expect(homeAfter.html).toContain(arrested.fullName);

  // The profile and a directory search, cached while the person is held...
  const profilePath = `/prisoners/${arrested.slug}`;
  const searchPath = `/prisoners?q=${encodeURIComponent(arrested.fullName)}`;
  const profile = await servedFromCache(request, profilePath);
  expect(profile.headerCount).toBe(before + 1);
  expect(profile.profileStatus).toMatch(/^In custody since /);
  const search = await servedFromCache(request, searchPath);
  expect(search.html).toContain(arrested.slug);

  // ...show the release on the next page served after it.
  await changeCustody("release", arrested.custodyPeriodId);
  await expect.poll(async () => (await serve(request, profilePath)).headerCount, CHANGE).toBe(before);
  const profileAfter = await servedFromCache(request, profilePath);
  expect(profileAfter.profileStatus).toMatch(/^Released /);
  const searchAfter = await servedFromCache(request, searchPath);
  expect(searchAfter.headerCount).toBe(before);
});

test("a signed-in visitor's request is never answered from the cache or stored in it", async ({ request }) => {
  await servedFromCache(request, "/prisoners");
  const response = await request.get("/prisoners", { headers: { cookie: "next-auth.session-token=e2e-not-a-session" } });
  expect(response.status()).toBe(200);
  expect(response.headers()["x-habeas-cache"]).toBeUndefined();
});

test("English, Azerbaijani and Russian pages and the fixed-text pages come from the cache, with the live count", async ({ request }) => {
  for (const path of ["/", "/prisoners", "/az/prisoners", "/ru", "/about", "/data", "/az/developers"]) {
    const served = await servedFromCache(request, path);
    // The count in the header is there on every public page, as it is now, not as at build time.
    expect(served.headerCount, path).not.toBeNull();
    const response = await request.get(path);
    // The proxy's own rewrite instruction (English addresses are rewritten to /en/…) stays inside.
    expect(response.headers()["x-middleware-rewrite"], path).toBeUndefined();
  }
});

test("the client router's requests for a page's RSC payload get one, never the cached HTML", async ({ page, request }) => {
  await servedFromCache(request, "/statistics");
  // As the router asks, from a fetch() call: Next.js answers with the payload (after a redirect to
  // its own cache-busting address, which the request follows), never from the cache.
  const payload = await request.get("/statistics", { headers: { RSC: "1", "Sec-Fetch-Dest": "empty" } });
  expect(payload.status()).toBe(200);
  expect(payload.headers()["content-type"]).toContain("text/x-component");
  expect(payload.headers()["x-habeas-cache"]).toBeUndefined();
  // And in Chromium: following a link from a cached page is a client navigation, not a new document.
  await page.goto("/");
  const documents: string[] = [];
  page.on("request", (sent) => {
    if (sent.resourceType() === "document") documents.push(sent.url());
  });
  await page.getByRole("navigation", { name: /main/i }).getByRole("link", { name: "Statistics" }).click();
  await expect(page).toHaveURL(/\/statistics$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(documents).toEqual([]);
});

/** One GET with Node's own client, so the bytes and headers are exactly as sent. */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  const base = new URL(test.info().project.use.baseURL!);
  return new Promise((resolve, reject) => {
    const sent = httpGet({ host: base.hostname, port: base.port, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    sent.on("error", reject);
  });
}

function nonces(html: string): string[] {
  return [...new Set([...html.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1]))];
}

test("a stored page is answered before Next.js, compressed once, with a nonce of its own that Chromium accepts", async ({ page }) => {
  const path = "/prisoners?q=aliyev";
  const accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  const browserAsks = { accept, "accept-encoding": "gzip, deflate, br, zstd", "sec-fetch-dest": "document" };
  // Accept is part of the key: this client's own first request may be the one that stores the page.
  await expect.poll(async () => (await rawGet(path, browserAsks)).headers["x-habeas-cache"], CHANGE).toBe("hit");

  const first = await rawGet(path, browserAsks);
  const second = await rawGet(path, browserAsks);
  const pages: string[] = [];
  for (const served of [first, second]) {
    expect(served.headers["x-habeas-cache"]).toBe("hit");
    expect(served.headers["x-habeas-cache-layer"]).toBe("front");
    expect(served.headers["content-encoding"]).toBe("gzip");
    expect(Number(served.headers["content-length"])).toBe(served.body.byteLength);
    expect(served.headers.vary).toMatch(/accept-encoding/i);
    const html = gunzipSync(served.body).toString("utf8");
    const nonce = /'nonce-([^']+)'/.exec(String(served.headers["content-security-policy"]))?.[1];
    // Every script and stylesheet carries this response's nonce, and only it.
    expect(nonces(html)).toEqual([nonce]);
    pages.push(html.replaceAll(nonce!, "NONCE"));
  }
  expect(nonces(gunzipSync(first.body).toString())).not.toEqual(nonces(gunzipSync(second.body).toString()));
  // The same page apart from its nonce, and the same page a client without gzip gets.
  expect(pages[1]).toBe(pages[0]);
  const plain = await rawGet(path, { accept });
  expect(plain.headers["content-encoding"]).toBeUndefined();
  expect(plain.headers["x-habeas-cache-layer"]).toBe("front");
  const plainHtml = plain.body.toString("utf8");
  expect(plainHtml.replaceAll(nonces(plainHtml)[0], "NONCE")).toBe(pages[0]);

  // Never for a signed-in visitor, the client router, or another method.
  const signedIn = await rawGet(path, { accept, cookie: "next-auth.session-token=e2e-not-a-session" });
  expect(signedIn.headers["x-habeas-cache"]).toBeUndefined();
  const router = await rawGet(path, { accept, rsc: "1" });
  expect(router.headers["x-habeas-cache-layer"]).toBeUndefined();

  // In Chromium: the page from the front runs its scripts (the live count's stream opens, the
  // client router takes the next link) under its policy.
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(path);
  const streamOpened = page.waitForResponse((response) => response.url().endsWith("/api/count/stream"));
  const response = await page.goto(path);
  expect(response?.headers()["x-habeas-cache-layer"]).toBe("front");
  await streamOpened;
  const documents: string[] = [];
  page.on("request", (sent) => {
    if (sent.resourceType() === "document") documents.push(sent.url());
  });
  await page.getByRole("navigation", { name: /main/i }).getByRole("link", { name: "Statistics" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(documents).toEqual([]);
  expect(violations).toEqual([]);
});
