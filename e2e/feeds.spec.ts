import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

/**
 * What a browser shows of the feeds and citations: "cite this" on a profile used from the
 * keyboard, the feeds a profile announces, the change log, the embed code. The parsers' view of
 * every output is in app/feeds/feeds.test.ts; the embedded count itself in e2e/embed.spec.ts.
 */

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
