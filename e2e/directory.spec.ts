import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/**
 * The public directory at /prisoners, on the demo data. Every state is a plain GET address, so
 * the same steps must work with and without JavaScript.
 */

function results(page: Page) {
  return page.getByRole("region", { name: "Results" });
}

/** The address holds the state: the parameters given, whatever else the form also submits. */
async function expectInAddress(page: Page, expected: Record<string, string>) {
  await expect
    .poll(() => {
      const url = new URL(page.url());
      return url.pathname === "/prisoners" && Object.entries(expected).every(([key, value]) => url.searchParams.get(key) === value);
    })
    .toBe(true);
}

async function searchByName(page: Page, name: string) {
  await page.goto("/prisoners");
  await page.getByRole("searchbox", { name: "Name" }).fill(name);
  await page.getByRole("button", { name: "Search" }).click();
}

test("search by name finds Khadija Ismayilova in Latin, Azerbaijani and Cyrillic spellings", async ({ page }) => {
  for (const name of ["ismayilova", "İsmayılova", "Исмаилова"]) {
    await searchByName(page, name);
    await expectInAddress(page, { q: name });
    await expect(results(page).getByRole("status")).toHaveText("1 person found.");
    const link = results(page).getByRole("link", { name: "Khadija Ismayilova" });
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute("href", "/prisoners/khadija-ismayilova");
    await expect(page.getByRole("searchbox", { name: "Name" })).toHaveValue(name);
  }
});

test("'Imprisoned now' shows Leyla Yunus and not the pardoned Shahin Novruzlu", async ({ page }) => {
  await page.goto("/prisoners");
  await expect(results(page).getByRole("link", { name: "Shahin Novruzlu" })).toBeVisible();

  await page.getByRole("combobox", { name: "Status" }).selectOption({ label: "Imprisoned now" });
  await page.getByRole("button", { name: "Search" }).click();

  await expectInAddress(page, { status: "imprisoned" });
  const yunus = results(page).getByRole("listitem").filter({ has: page.getByRole("link", { name: "Leyla Yunus" }) });
  await expect(yunus).toBeVisible();
  await expect(yunus).toContainText("Imprisoned, in custody by 17 September 2014");
  await expect(results(page).getByRole("link", { name: "Shahin Novruzlu" })).toHaveCount(0);

  await page.getByRole("combobox", { name: "Status" }).selectOption({ label: "No longer imprisoned" });
  await page.getByRole("button", { name: "Search" }).click();
  const novruzlu = results(page).getByRole("listitem").filter({ has: page.getByRole("link", { name: "Shahin Novruzlu" }) });
  await expect(novruzlu).toContainText("Released in October 2014 (pardon)");
  await expect(results(page).getByRole("link", { name: "Leyla Yunus" })).toHaveCount(0);
});

test("filters live in the address and survive a reload", async ({ page }) => {
  await page.goto("/prisoners");
  await page.getByRole("combobox", { name: "Status" }).selectOption({ label: "Imprisoned now" });
  await page.getByRole("combobox", { name: "Court (any hearing)" }).selectOption({ label: "Nasimi District Court" });
  await page.getByRole("combobox", { name: "Sort by" }).selectOption({ label: "Arrest date (newest first)" });
  await page.getByRole("button", { name: "Search" }).click();

  await expectInAddress(page, { status: "imprisoned", court: "nasimi-district-court", sort: "arrested" });
  const shown = ["Intigam Aliyev", "Leyla Yunus"];
  await expect(results(page).getByRole("heading", { level: 3 })).toHaveText(shown);

  await page.reload();
  await expect(page.getByRole("combobox", { name: "Status" })).toHaveValue("imprisoned");
  await expect(page.getByRole("combobox", { name: "Court (any hearing)" })).toHaveValue("nasimi-district-court");
  await expect(page.getByRole("combobox", { name: "Sort by" })).toHaveValue("arrested");
  await expect(results(page).getByRole("heading", { level: 3 })).toHaveText(shown);
  await expect(results(page).getByRole("status")).toHaveText("2 people found.");
});

test("a bad address is answered with the rest of it and a message, not an error", async ({ page }) => {
  const response = await page.goto("/prisoners?status=free&page=abc&q=yunus&facility=nowhere");
  expect(response?.status()).toBe(200);
  const notices = page.getByRole("region", { name: "Part of this address could not be used" });
  await expect(notices).toContainText("Status is not one of the choices, so it was ignored.");
  await expect(notices).toContainText("Page is not a page number, so it was ignored.");
  await expect(notices).toContainText("Held at is not one of the choices, so it was ignored.");
  await expect(results(page).getByRole("link", { name: "Leyla Yunus" })).toBeVisible();
});

test("the search can be reached and used with the keyboard alone", async ({ page }) => {
  await page.goto("/prisoners");
  const searchbox = page.getByRole("searchbox", { name: "Name" });
  for (let step = 0; step < 20 && !(await searchbox.evaluate((element) => element === document.activeElement)); step += 1) {
    await page.keyboard.press("Tab");
  }
  await expect(searchbox).toBeFocused();
  await page.keyboard.type("yunus");
  await page.keyboard.press("Enter");
  await expectInAddress(page, { q: "yunus" });
  await expect(results(page).getByRole("link", { name: "Leyla Yunus" })).toBeVisible();
});

test("the directory fits a 360-pixel-wide screen", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/prisoners?status=released");
  await expect(page.getByRole("heading", { level: 1, name: "Prisoners" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
});

test("the directory has no accessibility violations, with results and with messages", async ({ page }) => {
  for (const address of ["/prisoners", "/prisoners?q=ismayilova&status=all", "/prisoners?status=bogus&q=zzzz-nobody"]) {
    await page.goto(address);
    const scan = await new AxeBuilder({ page }).analyze();
    expect(scan.violations, address).toEqual([]);
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("searching and filtering work as plain form submissions", async ({ page }) => {
    await searchByName(page, "İsmayılova");
    await expect(results(page).getByRole("link", { name: "Khadija Ismayilova" })).toBeVisible();

    await page.getByRole("searchbox", { name: "Name" }).fill("");
    await page.getByRole("combobox", { name: "Status" }).selectOption("imprisoned");
    await page.getByRole("button", { name: "Search" }).click();
    await expectInAddress(page, { q: "", status: "imprisoned" });
    await expect(results(page).getByRole("link", { name: "Leyla Yunus" })).toBeVisible();
    await expect(results(page).getByRole("link", { name: "Shahin Novruzlu" })).toHaveCount(0);
  });
});
