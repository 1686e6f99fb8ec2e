import { execFile } from "node:child_process";
import http from "node:http";
import { promisify } from "node:util";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/**
 * The live count: every open page shows the number imprisoned now and follows each change
 * without a reload. Changes are made from another process through the data layer
 * (e2e/support/change-custody.ts), as an advocate's save in another app instance would be.
 */
const run = promisify(execFile);
/** A functional wait for the stream to deliver, not a timing assertion (the goal is one second). */
const LIVE = { timeout: 5_000 };

async function changeCustody(...args: string[]): Promise<{ custodyPeriodId: string }> {
  const { stdout } = await run(
    "node_modules/.bin/tsx",
    ["--conditions=react-server", "e2e/support/change-custody.ts", ...args],
    { env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, HABEAS_DB_MODE: "embedded" } },
  );
  return JSON.parse(stdout.trim().split("\n").pop()!);
}

const headerCount = (page: Page) => page.getByRole("banner").getByRole("link", { name: /imprisoned now/ });
const panelCount = (page: Page) =>
  page.getByRole("region", { name: "Imprisoned now" }).getByTestId("imprisoned-count");

/** Resolves when the page's event stream has delivered its first message. */
async function openLive(page: Page) {
  const streamOpened = page.waitForResponse((response) => response.url().endsWith("/api/count/stream"));
  await page.goto("/");
  await streamOpened;
}

test("open pages follow an arrest and a release without reloading", async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await Promise.all([openLive(first), openLive(second)]);

  const before = Number(await panelCount(first).textContent());
  for (const page of [first, second]) {
    await expect(panelCount(page)).toHaveText(String(before));
    await expect(headerCount(page)).toHaveText(`${before} imprisoned now`);
  }

  const { custodyPeriodId } = await changeCustody("arrest");
  for (const page of [first, second]) {
    await expect(panelCount(page)).toHaveText(String(before + 1), LIVE);
    await expect(headerCount(page)).toHaveText(`${before + 1} imprisoned now`, LIVE);
    await expect(page.getByRole("status")).toHaveText(new RegExp(`^Imprisoned now: ${before + 1}, as of `));
  }

  await changeCustody("release", custodyPeriodId);
  for (const page of [first, second]) {
    await expect(panelCount(page)).toHaveText(String(before), LIVE);
    await expect(headerCount(page)).toHaveText(`${before} imprisoned now`, LIVE);
  }

  await first.context().close();
  await second.context().close();
});

test("the header count is server-rendered and leads to the definition", async ({ page, request }) => {
  const json = await (await request.get("/api/count")).json();
  const html = await (await request.get("/")).text();
  expect(html).toMatch(new RegExp(`data-testid="header-count"[^>]*><strong[^>]*>${json.count}<`));

  await page.goto("/");
  await headerCount(page).click();
  await expect(page).toHaveURL(/\/#imprisoned-now$/);
  await expect(page.getByRole("region", { name: "Imprisoned now" })).toBeInViewport();
});

test("the counts stay as served when the stream is unavailable", async ({ page }) => {
  await page.route("**/api/count/stream", (route) => route.fulfill({ status: 503, body: "" }));
  await page.goto("/");
  const served = await panelCount(page).textContent();
  expect(Number(served)).toBeGreaterThan(0);
  await expect(headerCount(page)).toHaveText(`${served} imprisoned now`);
  await expect(page.getByRole("status")).toHaveText("");
});

test("the header with its count fits a 360 px screen and is accessible", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto("/");
  await expect(headerCount(page)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
  await context.close();
});

test.describe("the count API", () => {
  test("answers with the count now and on a past date, and explains a bad date", async ({ request }) => {
    const now = await request.get("/api/count");
    expect(now.status()).toBe(200);
    const body = await now.json();
    expect(Object.keys(body).sort()).toEqual(["computedAt", "count", "day", "lastRecordChange"]);

    const past = await (await request.get("/api/count?date=2014-11-01")).json();
    expect(past.day).toBe("2014-11-01");

    const bad = await request.get("/api/count?date=2014-02-30");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).message).toMatch(/YYYY-MM-DD/);
  });

  test("streams events through the server without buffering", async ({ baseURL }) => {
    const { headers, firstEvent } = await new Promise<{ headers: http.IncomingHttpHeaders; firstEvent: string }>(
      (resolve, reject) => {
        const req = http.get(`${baseURL}/api/count/stream`, (response) => {
          let text = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => {
            text += chunk;
            const data = text.split("\n").find((line) => line.startsWith("data: "));
            if (data) {
              resolve({ headers: response.headers, firstEvent: data.slice("data: ".length) });
              req.destroy();
            }
          });
        });
        req.on("error", reject);
      },
    );
    expect(headers["content-type"]).toBe("text/event-stream; charset=utf-8");
    expect(headers["cache-control"]).toBe("no-cache, no-transform");
    expect(headers["x-accel-buffering"]).toBe("no");
    expect(headers["content-encoding"]).toBeUndefined();
    expect(Object.keys(JSON.parse(firstEvent)).sort()).toEqual(["computedAt", "count", "day", "lastRecordChange"]);
  });
});
