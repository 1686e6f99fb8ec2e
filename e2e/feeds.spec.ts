import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

/**
 * What a browser shows of issue 5: the count embedded in another site's page, "cite this" on a
 * profile used from the keyboard, and the feeds a profile announces. The parsers' view of every
 * feed is in app/feeds/feeds.test.ts.
 */

const FOREIGN = "http://news.example.test/";

test("the embedded count renders in an iframe on another site, follows the stream, and is accessible", async ({ page, baseURL }) => {
  const embed = `${baseURL}/embed/count`;
  // Another site's page, served by the browser itself: no request leaves the machine.
  await page.route(FOREIGN, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><title>A news site</title></head><body><main><h1>News</h1>
<iframe src="${embed}" title="Political prisoners imprisoned now (Habeas)" width="340" height="230" style="border:0"></iframe>
</main></body></html>`,
    }),
  );
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const streamOpened = page.waitForResponse((response) => response.url() === `${baseURL}/api/count/stream`);
  await page.goto(FOREIGN);
  await streamOpened;

  const frame = page.frameLocator('iframe[title="Political prisoners imprisoned now (Habeas)"]');
  const { count } = await (await page.request.get(`${baseURL}/api/count`)).json();
  await expect(frame.getByTestId("embed-count")).toHaveText(String(count));
  await expect(frame.getByText("House arrest is not counted")).toBeVisible();
  await expect(frame.getByText(/^As of /)).toBeVisible();
  const back = frame.getByRole("link", { name: /Who they are, and how this is counted/ });
  await expect(back).toHaveAttribute("target", "_blank");
  expect(await back.getAttribute("href")).toMatch(/\/#imprisoned-now$/);
  expect(violations).toEqual([]);

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});

test("the home page gives the code to embed the count", async ({ page, baseURL }) => {
  await page.goto("/");
  await expect(page.getByTestId("embed-snippet")).toContainText(`<iframe src="${baseURL}/embed/count"`);
});

test("'cite this' opens from the keyboard and gives plain text, BibTeX and CSL-JSON", async ({ page }) => {
  await page.goto("/prisoners/leyla-yunus");
  const summary = page.locator("summary", { hasText: "Cite this profile" });
  await summary.focus();
  await expect(summary).toBeFocused();
  await page.keyboard.press("Enter");
  const disclosure = page.getByTestId("cite-this").filter({ has: summary });
  await expect(disclosure).toHaveAttribute("open", "");
  await expect(disclosure.getByText(/^@misc\{habeas-leyla-yunus,/)).toBeVisible();
  await expect(disclosure.getByText(/"type": "webpage"/)).toBeVisible();
  await expect(disclosure.getByText(/^Habeas\. “Leyla Yunus: case record\.”/)).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(disclosure).not.toHaveAttribute("open", "");

  // One for an event, opened as well, and the page stays accessible.
  await page.locator("summary", { hasText: "Cite this event" }).first().click();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});

test("a profile announces its feeds and links to its calendar and change log", async ({ page, request }) => {
  await page.goto("/prisoners/leyla-yunus");
  const atom = page.locator('link[rel="alternate"][type="application/atom+xml"]');
  await expect(atom).toHaveAttribute("href", /\/feeds\/prisoners\/leyla-yunus\/events\.atom$/);
  const follow = page.getByRole("navigation", { name: "Follow this case" });
  await expect(follow.getByRole("link", { name: "Subscribe to hearings (calendar)" })).toHaveAttribute("href", /^webcal:\/\/.+\/feeds\/prisoners\/leyla-yunus\/hearings\.ics$/);
  const feed = await request.get((await atom.getAttribute("href"))!);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain("<feed xmlns=\"http://www.w3.org/2005/Atom\"");

  await follow.getByRole("link", { name: "What changed" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "What changed: Leyla Yunus" })).toBeVisible();
  await page.getByLabel("Changes since (YYYY-MM-DD, UTC)").fill("2000-01-01");
  await page.getByRole("button", { name: "Show changes" }).click();
  await expect(page).toHaveURL(/\?since=2000-01-01$/);
  await expect(page.getByTestId("change-log").getByRole("listitem").first()).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});
