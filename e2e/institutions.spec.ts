import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator } from "@playwright/test";

/**
 * The pages about the institutions and people around the cases, on the demo data: courts with
 * their hearings and rulings, lawyers with the people they defend, facilities with who is held
 * there now.
 */

/** A table row's numbers by column header: { Granted: "2", Dismissed: "0", ... }. */
async function rowByColumn(table: Locator, rowHeader: string): Promise<Record<string, string>> {
  const headers = (await table.getByRole("columnheader").allTextContents()).map((text) => text.trim());
  const row = table.getByRole("row").filter({ has: table.page().getByRole("rowheader", { name: rowHeader, exact: true }) });
  await expect(row).toHaveCount(1);
  const cells = (await row.getByRole("cell").allTextContents()).map((text) => text.trim());
  // The first column header labels the row headers; the cells fill the rest.
  return Object.fromEntries(headers.slice(1).map((header, index) => [header, cells[index]]));
}

test("Nasimi District Court shows the hearings of 24 October 2014 and how it ruled on each side's motions", async ({ page }) => {
  const response = await page.goto("/courts/nasimi-district-court");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Nasimi District Court" })).toBeVisible();
  await expect(page).toHaveTitle(/Nasimi District Court/);

  const hearings = page.getByRole("region", { name: "Hearings" });
  const onThatDay = hearings.getByRole("heading", { level: 3, name: /^24 October 2014/ });
  await expect(onThatDay).toHaveCount(2);
  await expect(hearings.locator('time[datetime="2014-10-24"]')).toHaveCount(2);
  for (const [name, slug] of [
    ["Leyla Yunus", "leyla-yunus"],
    ["Intigam Aliyev", "intigam-aliyev"],
  ]) {
    await expect(onThatDay.getByRole("link", { name })).toHaveAttribute("href", `/prisoners/${slug}`);
  }
  await expect(hearings.getByText(/Detention extended until 8 February 2015/).first()).toBeVisible();

  const tally = page.getByRole("table", { name: "Motions by who filed them and the ruling" });
  expect(await rowByColumn(tally, "Investigation")).toMatchObject({ Granted: "2", Dismissed: "0" });
  expect(await rowByColumn(tally, "Defence")).toMatchObject({ Granted: "0", Dismissed: "2", "Not considered": "1" });
  const summary = page.getByRole("region", { name: "Motions and rulings" }).getByRole("listitem");
  await expect(summary.filter({ hasText: "Investigation" })).toHaveText("Investigation: 2 of 2 motions granted");
  await expect(summary.filter({ hasText: "Defence" })).toHaveText("Defence: 0 of 3 motions granted");
});

test("Alayif Hasanov's lawyer page lists Leyla Yunus and links to his own profile", async ({ page }) => {
  const response = await page.goto("/lawyers/alayif-hasanov");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Alayif Hasanov" })).toBeVisible();

  const defends = page.getByRole("region", { name: "Defends" });
  await expect(defends.getByRole("link", { name: "Leyla Yunus" })).toHaveAttribute("href", "/prisoners/leyla-yunus");

  const prosecuted = page.getByRole("region", { name: "Is also prosecuted" });
  await expect(prosecuted.getByRole("link", { name: "Alayif Hasanov's profile" })).toHaveAttribute(
    "href",
    "/prisoners/alayif-hasanov",
  );
});

test("Baku Detention Facility lists Intigam Aliyev as held there now", async ({ page }) => {
  const response = await page.goto("/facilities/baku-detention-facility");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Baku Detention Facility" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Postal address for letters" })).toBeVisible();

  const now = page.getByRole("region", { name: "Held here now" });
  await expect(now.getByRole("link", { name: "Intigam Aliyev" })).toHaveAttribute("href", "/prisoners/intigam-aliyev");
  await expect(page.getByRole("region", { name: "Held here before" }).getByRole("link", { name: "Intigam Aliyev" })).toHaveCount(0);
});

test("the main navigation leads to each list, and each list to its records", async ({ page }) => {
  const lists = [
    ["Courts", "/courts", "Nasimi District Court", "/courts/nasimi-district-court"],
    ["Lawyers", "/lawyers", "Alayif Hasanov", "/lawyers/alayif-hasanov"],
    ["Facilities", "/facilities", "Baku Detention Facility", "/facilities/baku-detention-facility"],
  ] as const;
  for (const [navigation, path, record, recordPath] of lists) {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: navigation, exact: true }).click();
    await expect(page).toHaveURL(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.getByRole("main").getByRole("link", { name: record }).click();
    await expect(page).toHaveURL(recordPath);
    await expect(page.getByRole("heading", { level: 1, name: record })).toBeVisible();
  }
});

test("an unknown court, lawyer or facility is not found", async ({ request }) => {
  for (const path of ["/courts/no-such-court", "/lawyers/no-such-lawyer", "/facilities/no-such-facility"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
  }
});

for (const path of [
  "/courts",
  "/courts/nasimi-district-court",
  "/lawyers",
  "/lawyers/alayif-hasanov",
  "/facilities",
  "/facilities/baku-detention-facility",
]) {
  test(`${path} has no accessibility violations`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations).toEqual([]);
  });
}
