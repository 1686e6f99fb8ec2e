import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test, type APIResponse, type BrowserContext, type Page, type Request as PlaywrightRequest } from "@playwright/test";
import { CROSS_SITE_BROWSER } from "./support/browser";

/**
 * Security items 7 and 8 (docs/decisions/0021-security-headers-and-origin-checks.md): every kind
 * of route answers with its security headers; the public site and the workspace work in Chromium
 * under their Content-Security-Policy without a single violation; and a server action posted
 * from another site, or without an Origin, changes nothing.
 */

const EDITOR = "editor@demo.habeas.example";
const PASSWORD = "demo-habeas-2014";
const PROFILE = "intigam-aliyev";

// The other site's page is served by the browser itself (see e2e/embed.spec.ts): Chromium's
// local-network checks would otherwise stop its form before it reaches this server.
test.use(CROSS_SITE_BROWSER);

type Headers = Record<string, string>;

function expectCommon(headers: Headers, what: string) {
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toMatch(/^(strict-origin-when-cross-origin|same-origin)$/);
  expect(headers["permissions-policy"], what).toContain("camera=()");
  // Served over plain http here: no HSTS (browsers would ignore it anyway).
  expect(headers["strict-transport-security"], what).toBeUndefined();
}

/** A page: a nonce policy without inline or eval, not framable, and every script carrying the nonce. */
async function expectPage(response: APIResponse, what: string): Promise<string> {
  const headers = response.headers();
  expectCommon(headers, what);
  const policy = headers["content-security-policy"] ?? "";
  const nonce = policy.match(/'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
  expect(nonce, `${what}: a nonce in ${policy}`).toBeTruthy();
  const scriptSrc = policy.split(";").find((directive) => directive.trim().startsWith("script-src")) ?? "";
  expect(scriptSrc, what).not.toContain("'unsafe-inline'");
  expect(policy, what).not.toContain("'unsafe-eval'");
  expect(policy, what).toContain("frame-ancestors 'none'");
  expect(policy, what).toContain("object-src 'none'");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["cross-origin-opener-policy"], what).toBe("same-origin");
  if ((headers["content-type"] ?? "").startsWith("text/html")) {
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
    expect(scripts.length, what).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, `${what}: ${tag}`).toContain(`nonce="${nonce}"`);
  }
  return nonce!;
}

function expectResource(response: APIResponse, what: string) {
  const headers = response.headers();
  expectCommon(headers, what);
  expect(headers["content-security-policy"], what).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  expect(headers["x-frame-options"], what).toBe("DENY");
}

test("every kind of route answers with its security headers", async ({ request }) => {
  const get = (path: string, headers: Headers = {}) => request.get(path, { maxRedirects: 0, headers });

  // Public pages in each language, a search, a profile, the statistics, a 404; the workspace.
  for (const path of ["/", "/az", "/ru/prisoners", "/prisoners?q=aliyev", `/prisoners/${PROFILE}`, "/statistics", "/about", "/no-such-page", "/sign-in", "/set-password/not-a-token"]) {
    const response = await get(path);
    expect([200, 404], path).toContain(response.status());
    await expectPage(response, path);
  }
  const admin = await get("/admin");
  await expectPage(admin, "/admin signed out");
  expect(admin.headers()["referrer-policy"]).toBe("same-origin");

  // A cached page gets a nonce of its own on every response, in the header and in the body.
  const first = await get("/statistics");
  const second = await get("/statistics");
  expect(second.headers()["x-habeas-cache"]).toBe("hit");
  expect(await expectPage(second, "/statistics from the cache")).not.toBe(await expectPage(first, "/statistics"));

  // An address under /api or /feeds that names nothing: a 404 in the format of its kind (Next's
  // HTML error page would be blank there, where no script may run).
  const apiMissing = await get("/api/no-such-thing");
  expect(apiMissing.status()).toBe(404);
  expect(apiMissing.headers()["content-type"]).toContain("application/problem+json");
  const feedMissing = await get("/feeds/no-such-feed.atom");
  expect(feedMissing.status()).toBe(404);
  expect(feedMissing.headers()["content-type"]).toContain("text/plain");

  // The API, exports, feeds, a portrait, files, and a 404 outside the site's pages.
  for (const path of ["/api/v1/prisoners", "/api/v1/count", "/api/v1/export/prisoners.csv", "/api/v1/openapi.json", "/feeds/events.atom", `/feeds/prisoners/${PROFILE}/hearings.ics`, `/prisoners/${PROFILE}/portrait`, "/robots.txt", "/api/no-such-thing"]) {
    const response = await get(path);
    expect([200, 404], path).toContain(response.status());
    expectResource(response, path);
  }
  // The preview image lives among the public pages: a page's policy, which an image ignores.
  const image = await get(`/prisoners/${PROFILE}/opengraph-image`);
  expect(image.headers()["content-type"]).toBe("image/png");
  await expectPage(image, "preview image");

  // Next's own files.
  const html = await (await get("/")).text();
  const chunk = html.match(/src="(\/_next\/static\/[^"]+\.js)"/)![1];
  const script = await get(chunk);
  expect(script.status()).toBe(200);
  expect(script.headers()["x-content-type-options"]).toBe("nosniff");

  // The embeddable count: any site may frame it, under its own strict policy.
  const embed = await get("/embed/count");
  expectCommon(embed.headers(), "/embed/count");
  expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors *");
  expect(embed.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(embed.headers()["x-frame-options"]).toBeUndefined();

  // Behind a proxy that terminates https, every kind of route adds HSTS.
  for (const path of ["/", "/sign-in", "/api/v1/count", "/embed/count"]) {
    const response = await get(path, { "x-forwarded-proto": "https" });
    expect(response.headers()["strict-transport-security"], path).toMatch(/^max-age=\d{7,}/);
  }

  // next-auth's own cookies: HttpOnly and SameSite (Secure when NEXTAUTH_URL is https: lib/auth/options.test.ts).
  const csrf = await get("/api/auth/csrf");
  const cookies = csrf.headersArray().filter(({ name }) => name.toLowerCase() === "set-cookie").map(({ value }) => value);
  expect(cookies.length).toBeGreaterThan(0);
  for (const cookie of cookies) {
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  }
  expectResource(csrf, "/api/auth/csrf");
});

/** Records every CSP violation on every page of the context, and console reports of one. */
async function watchViolations(context: BrowserContext): Promise<string[]> {
  const seen: string[] = [];
  await context.exposeBinding("__reportViolation", (_source, text: string) => seen.push(text));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportViolation: (text: string) => void }).__reportViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} on ${event.documentURI} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  context.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) seen.push(`console: ${message.text()}`);
  });
  context.on("weberror", (error) => seen.push(`error: ${error.error().message}`));
  return seen;
}

async function changeCustody(...args: string[]): Promise<{ custodyPeriodId: string }> {
  const { stdout } = await promisify(execFile)(
    "node_modules/.bin/tsx",
    ["--conditions=react-server", "e2e/support/change-custody.ts", ...args],
    { env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, HABEAS_DB_MODE: "embedded" } },
  );
  return JSON.parse(stdout.trim().split("\n").pop()!);
}

test("the public site works under its policy without a single violation", async ({ context, page }) => {
  test.setTimeout(120_000);
  const violations = await watchViolations(context);

  // Home, with the live count following a change over the event stream.
  const streamOpened = page.waitForResponse((response) => response.url().endsWith("/api/count/stream"));
  await page.goto("/");
  await streamOpened;
  const panel = page.getByRole("region", { name: "Imprisoned now" }).getByTestId("imprisoned-count");
  const before = Number(await panel.textContent());
  const { custodyPeriodId } = await changeCustody("arrest");
  await expect(panel).toHaveText(String(before + 1), { timeout: 10_000 });
  await changeCustody("release", custodyPeriodId);
  await expect(panel).toHaveText(String(before), { timeout: 10_000 });

  // Directory search (client navigation), a profile, the statistics.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Prisoners" }).click();
  await page.getByRole("searchbox", { name: "Name" }).fill("aliyev");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=aliyev/);
  await page.getByRole("region", { name: "Results" }).getByRole("link", { name: "Intigam Aliyev" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Intigam Aliyev" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Statistics" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Statistics" })).toBeVisible();
  await expect(page.getByRole("figure").first()).toBeVisible();

  // The language switch, then a page loaded whole from the cache in another language.
  await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Azərbaycanca" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "az");
  await page.goto("/ru/prisoners");
  await page.goto("/ru/prisoners");
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await page.getByRole("navigation", { name: "Язык" }).getByRole("link", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  expect(violations).toEqual([]);
});

async function signIn(page: Page, next: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(EDITOR);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, "\\$&")}$`));
}

test("the workspace works under its policy without a single violation", async ({ context, page }) => {
  test.setTimeout(120_000);
  const violations = await watchViolations(context);
  await signIn(page, "/admin/prisoners/new");

  // A record form sent empty: field errors, the input kept.
  await page.getByLabel("Biography").fill("Typed before the error.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Some fields need attention.")).toBeVisible();
  await expect(page.getByLabel("Biography")).toHaveValue("Typed before the error.");

  // A relation picked by typing.
  await page.goto("/admin/judges/new");
  const court = page.getByRole("combobox", { name: "Court" });
  await court.fill("Nasimi");
  await expect(page.getByRole("option", { name: /Nasimi District Court/ })).toBeVisible();
  await court.press("ArrowDown");
  await expect(court).toHaveAttribute("aria-activedescendant", /option/);

  // The hearing log: the person picker, a motion added.
  await page.goto("/admin/hearings/new");
  const person = page.getByRole("combobox", { name: "Prisoner" });
  await person.fill("aliyev");
  await expect(page.getByRole("option", { name: "Intigam Aliyev" })).toBeVisible();
  await person.press("ArrowDown");
  await person.press("Enter");
  await expect(person).toHaveValue("Intigam Aliyev");
  await page.getByRole("button", { name: "Add motion" }).click();
  await expect(page.getByRole("group", { name: "Motion 2" })).toBeVisible();

  // The account page (password, two-step sign-in) and the records list.
  await page.goto("/admin/account");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/admin/records");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  expect(violations).toEqual([]);
});

async function created(page: Page, name: string): Promise<number> {
  const answer = await page.request.get(`/api/admin/prisoners?q=${encodeURIComponent(name)}`);
  expect(answer.status()).toBe(200);
  // The search matches any part of a name: count only people with exactly this name.
  return ((await answer.json()) as { matches: { fullName: string }[] }).matches.filter((match) => match.fullName === name).length;
}

test("a server action posted from another site, or without an Origin, changes nothing", async ({ page, baseURL }) => {
  await signIn(page, "/admin/prisoners/new");
  const target = `${baseURL}/admin/prisoners/new`;
  const unique = Math.random().toString(36).slice(2, 8);

  // The request the form sends, as the browser built it (held back, not sent).
  const replayed = `Cross Site Person ${unique} Replayed`;
  let held: PlaywrightRequest | null = null;
  await page.route(target, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    held = route.request();
    await route.abort();
  });
  await page.getByLabel(/Full name/).fill(replayed);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect.poll(() => held).not.toBeNull();
  await page.unroute(target);
  const sent: PlaywrightRequest = held!;
  const original = await sent.allHeaders();
  const actionId = original["next-action"];
  expect(actionId).toMatch(/^[0-9a-f]{20,}$/);
  const keep = ["content-type", "next-action", "next-router-state-tree", "accept"];
  const replay = (origin: string | null) =>
    page.request.post(target, {
      headers: { ...Object.fromEntries(keep.filter((name) => original[name]).map((name) => [name, original[name]])), ...(origin ? { origin } : {}) },
      data: sent.postDataBuffer()!,
      maxRedirects: 0,
    });

  // With the editor's session cookie and no Origin: refused by the action itself (Next.js lets it through).
  const refused = await replay(null);
  expect(await refused.text()).toContain("This change must be made from Habeas itself");
  // A server action's answer carries the workspace's headers.
  await expectPage(refused, "server action answer");
  expect(refused.headers()["referrer-policy"]).toBe("same-origin");
  expect(await created(page, replayed)).toBe(0);
  // With another site's Origin: refused (Next.js's own check answers first).
  expect((await replay("https://elsewhere.example")).ok()).toBe(false);
  expect(await created(page, replayed)).toBe(0);
  // The control: the same request from this site is saved, so the refusals were about the Origin.
  expect((await replay(new URL(baseURL!).origin)).status()).toBeLessThan(400);
  expect(await created(page, replayed)).toBe(1);

  // A real form on another site's page, naming the action as a form without JavaScript does,
  // submitted by Chromium to this site.
  const attacker = `${baseURL!.replace("127.0.0.1", "localhost")}/another-site`;
  const inBrowser = `Cross Site Person ${unique} Browser`;
  const other = await page.context().newPage();
  await other.route(attacker, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><title>Another site</title></head><body>
<form method="post" enctype="multipart/form-data" action="${target}">
<input type="hidden" name="$ACTION_ID_${actionId}" value=""><input type="hidden" name="fullName" value="${inBrowser}">
<button>Send</button></form></body></html>`,
    }),
  );
  await other.goto(attacker);
  const posted = other.waitForResponse((response) => response.url() === target && response.request().method() === "POST");
  await other.getByRole("button", { name: "Send" }).click();
  const answer = await posted;
  expect(answer.request().headers()["origin"]).toBe(new URL(attacker).origin);
  expect(await created(page, inBrowser)).toBe(0);
});
