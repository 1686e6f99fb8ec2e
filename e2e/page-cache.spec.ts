import { execFile } from "node:child_process";
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
