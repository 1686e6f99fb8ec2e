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

  // The profile carries this one disclosure, not one per event.
  await expect(page.getByTestId("cite-this")).toHaveCount(1);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});

test("each event links to its own citation in three formats, whose permalink lands on the event", async ({ page, baseURL }) => {
  await page.goto("/prisoners/leyla-yunus");
  const event = page.locator("article[id^='event-']").first();
  const anchor = await event.getAttribute("id");
  const title = (await event.getByRole("heading", { level: 3 }).textContent())!;
  const cite = event.getByRole("link", { name: `cite this event: ${title}` });
  await expect(cite).toHaveAttribute("href", `/prisoners/leyla-yunus/cite/${anchor}`);
  await cite.focus();
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(new RegExp(`/prisoners/leyla-yunus/cite/${anchor}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Cite: Leyla Yunus: ${title}` })).toBeVisible();
  const formats = page.getByTestId("cite-event-formats");
  const permalink = `${baseURL}/prisoners/leyla-yunus#${anchor}`;
  await expect(formats.getByText(new RegExp(`^Habeas\\. “Leyla Yunus: .+\\.” Last updated .+ ${permalink} \\(accessed `))).toBeVisible();
  await expect(formats.getByText(new RegExp(`^@misc\\{habeas-leyla-yunus-${anchor}`))).toContainText(`url = {${permalink}}`);
  await expect(formats.getByText(/"type": "webpage"/)).toContainText(`"URL": "${permalink}"`);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);

  await page.getByRole("link", { name: "Back to this event in the profile" }).click();
  await expect(page).toHaveURL(new RegExp(`/prisoners/leyla-yunus#${anchor}$`));
  await expect(page.locator(":target")).toHaveAttribute("id", anchor!);

  // An anchor the profile does not have is not a page.
  const missing = await page.request.get("/prisoners/leyla-yunus/cite/event-00000000-0000-4000-8000-000000000000");
  expect(missing.status()).toBe(404);
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
