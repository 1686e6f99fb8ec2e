import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";

/**
 * The statistics page on the demo data: four charts, each captioned and followed by a table of
 * its numbers, consistent with the live count on the home page.
 */

async function homePageCount(page: Page): Promise<number> {
  await page.goto("/");
  return Number(await page.getByTestId("imprisoned-count").textContent());
}

function figure(page: Page, caption: RegExp): Locator {
  return page.getByRole("figure", { name: caption });
}

/** The number in the single value cell of a table row. */
async function valueOf(row: Locator): Promise<number> {
  return Number((await row.getByRole("cell").first().textContent())?.replace(/,/g, ""));
}

async function openStatistics(page: Page, path = "/statistics") {
  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Statistics" })).toBeVisible();
}

test("the navigation leads to the statistics page", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Statistics" }).click();
  await expect(page).toHaveURL(/\/statistics$/);
  await expect(page.getByRole("heading", { level: 1, name: "Statistics" })).toBeVisible();
});

test("each chart is a captioned figure with a described image and a table of the same numbers", async ({ page }) => {
  // 2014 is asked for by name: other e2e tests add arrests of their own today.
  await openStatistics(page, "/statistics?year=2014");

  const overTime = figure(page, /^People imprisoned on each day/);
  await expect(overTime.getByRole("img")).toHaveAttribute("aria-label", /^Step chart of the number of people imprisoned on each day, from 17 September 2014 to /);
  // The month-end table is folded away until asked for.
  const monthEnds = overTime.getByRole("table", { name: /^People imprisoned at the end of each month/ });
  await expect(monthEnds).toBeHidden();
  await overTime.getByText(/^Table: imprisoned at the end of each month/).click();
  await expect(monthEnds).toBeVisible();
  await expect(monthEnds.getByRole("columnheader", { name: "People imprisoned" })).toBeVisible();
  // The demo's first month: Leyla Yunus in custody by 17 September 2014.
  await expect(monthEnds.getByRole("row", { name: "30 September 2014 1" })).toBeVisible();
  await expect(monthEnds.getByRole("row", { name: "31 October 2014 2" })).toBeVisible();
  await expect(monthEnds.getByRole("row", { name: "31 December 2014 4" })).toBeVisible();

  for (const [caption, table, image] of [
    [/in each category/, /by category$/, /^Bar chart of people imprisoned on .*, by category: /],
    [/in each prison or detention centre/, /by place of detention$/, /^Bar chart of people imprisoned on .*, by place of detention: /],
  ] as const) {
    const chart = figure(page, caption);
    const described = chart.getByRole("img");
    await expect(described).toHaveAttribute("aria-label", image);
    const numbers = chart.getByRole("table", { name: table });
    await expect(numbers).toBeVisible();
    // Every row of the table is in the chart's description, with its number as shown.
    const label = (await described.getAttribute("aria-label")) ?? "";
    for (const row of await numbers.locator("tbody tr").all()) {
      const name = await row.getByRole("rowheader").textContent();
      const value = await row.getByRole("cell").first().textContent();
      expect(label).toContain(`${name}, ${value}`);
    }
  }

  const byFacility = figure(page, /in each prison or detention centre/).getByRole("table");
  await expect(byFacility.getByRole("row", { name: "Baku Detention Facility 1" })).toBeVisible();

  // The demo's pardon freed four people in October 2014; every demo arrest is known only as
  // "in custody by" a date, so none is placed in a month.
  const movements = figure(page, /^Arrests and releases in each month of 2014/);
  await expect(movements.getByRole("img")).toHaveAttribute("aria-label", /October, 0 arrests and 4 releases/);
  const months = movements.getByRole("table", { name: "Arrests and releases in 2014, by month" });
  await expect(months.getByRole("row", { name: "October 2014 0 4" })).toBeVisible();
  await expect(months.getByRole("row", { name: /^Arrest date not known; in custody by a date in 2014 8/ })).toBeVisible();
  await expect(months.getByRole("row", { name: "Date known only to the year 2014 0 0" })).toBeVisible();
  await expect(months.getByRole("row", { name: "All of 2014 8 4" })).toBeVisible();
});

test("the imprisoned-now figures in the tables match the count on the home page", async ({ page }) => {
  const count = await homePageCount(page);
  expect(count).toBeGreaterThan(0);
  await openStatistics(page);

  const overTime = figure(page, /^People imprisoned on each day/);
  await overTime.getByText(/^Table: imprisoned at the end of each month/).click();
  const today = overTime.getByRole("table").getByRole("row", { name: /^Today, / });
  expect(await valueOf(today)).toBe(count);
  await expect(overTime.getByRole("img")).toHaveAttribute("aria-label", new RegExp(` ${count} today\\.$`));

  for (const caption of [/in each category/, /in each prison or detention centre/]) {
    const total = figure(page, caption).getByRole("row", { name: /^All people imprisoned, each counted once/ });
    expect(await valueOf(total)).toBe(count);
  }
});

test("a year with no arrests or releases recorded falls back to the latest year with some", async ({ page }) => {
  await openStatistics(page);
  // The latest year with movements, which other e2e tests' own arrests may have moved.
  const caption = await figure(page, /^Arrests and releases in each month of \d{4}/).locator("figcaption").textContent();
  const year = /each month of (\d{4})/.exec(caption ?? "")?.[1];
  expect(year).toMatch(/^\d{4}$/);

  await openStatistics(page, "/statistics?year=1999");
  await expect(figure(page, new RegExp(`^Arrests and releases in each month of ${year}`))).toBeVisible();
});

test("the charts and tables are in the server-rendered HTML, without scripts", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await openStatistics(page);
  await expect(page.getByRole("img", { name: /^Step chart/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Bar chart/ })).toHaveCount(2);
  await expect(page.getByRole("img", { name: /^Paired bar chart/ })).toBeVisible();
  await expect(page.getByRole("table", { includeHidden: true })).toHaveCount(4);
  await context.close();
});

test("the statistics page has no accessibility violations, with its tables open", async ({ page }) => {
  await openStatistics(page);
  await page.getByText(/^Table: imprisoned at the end of each month/).click();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});

test("at 360 pixels wide nothing scrolls sideways and chart text stays legible", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await openStatistics(page);
  await page.getByText(/^Table: imprisoned at the end of each month/).click();

  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  const charts = page.getByRole("img");
  await expect(charts).toHaveCount(4);
  for (const chart of await charts.all()) {
    const box = await chart.boundingBox();
    expect(box?.width).toBeGreaterThan(250);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360);
    // The smallest text in the chart, as rendered on screen.
    const smallest = await chart.evaluate((svg) =>
      Math.min(...[...svg.querySelectorAll("text")].map((text) => text.getBoundingClientRect().height).filter((height) => height > 0)),
    );
    expect(smallest).toBeGreaterThanOrEqual(9);
  }
});

test("printed, the folded tables are shown and the page navigation is not", async ({ page }) => {
  await openStatistics(page);
  const monthEnds = page.getByRole("table", { name: /^People imprisoned at the end of each month/ });
  await expect(monthEnds).toBeHidden();
  await page.emulateMedia({ media: "print" });
  await expect(monthEnds).toBeVisible();
  await expect(page.getByRole("navigation", { name: "On this page" })).toBeHidden();
});
