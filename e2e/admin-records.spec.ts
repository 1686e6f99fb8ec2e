import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";

/**
 * The admin's records on the demo data, signed in as the demo editor: a person's draft from
 * a refused first try to publication, archive and restore; the history of it; a relation
 * picked by typing with "create new"; and two editors saving the same record.
 */

const EDITOR = "editor@demo.habeas.example";
const ADMIN = "admin@demo.habeas.example";
const PASSWORD = "demo-habeas-2014";

const unique = () => Math.random().toString(36).slice(2, 8);

async function signIn(page: Page, email: string, next = "/admin/records") {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, "\\$&")}$`));
}

async function expectNoAxeViolations(page: Page) {
  // After a client-side navigation the new page's <title> arrives a moment after its content.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`)).toEqual([]);
}

async function newContext(browser: Browser, email: string, next: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, next);
  return { context, page };
}

test("a person's draft: refused input kept, saved, published, archived, restored, with its history", async ({ page }) => {
  // Many pages and five axe scans on a shared machine: a budget, not a timed assertion.
  test.setTimeout(180_000);
  const name = `Example Person ${unique()}`;
  await signIn(page, EDITOR);
  await expectNoAxeViolations(page);
  await page.getByRole("main").getByRole("link", { name: "Prisoners", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Prisoners" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "New prisoner" }).click();

  // Bad input: errors next to the fields, what was typed still there.
  await page.getByLabel("Date of birth").fill("2014-13");
  await page.getByLabel("Biography").fill("Biography typed before the error.");
  await page.getByLabel(/Family contact/).fill("Family phone, private");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Some fields need attention.")).toBeVisible();
  await expect(page.getByLabel(/Full name/)).toHaveAccessibleDescription(/Fill in this field/);
  await expect(page.getByLabel("Date of birth")).toHaveAccessibleDescription(/Enter a date/);
  await expect(page.getByLabel("Biography")).toHaveValue("Biography typed before the error.");
  await expect(page.getByText("never shown on the public site")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel(/Full name/).fill(name);
  await page.getByLabel("Date of birth").fill("1955-12");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as a draft." })).toBeVisible();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const slug = await page.getByLabel("Web address").inputValue();
  const editPath = new URL(page.url()).pathname;
  await expectNoAxeViolations(page);

  // A draft is not public.
  expect((await page.request.get(`/prisoners/${slug}`)).status()).toBe(404);

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Published" })).toBeVisible();
  await page.goto(`/prisoners?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("link", { name })).toBeVisible();
  await page.goto(`/prisoners/${slug}`);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByText("Family phone, private")).toHaveCount(0);

  await page.goto(editPath);
  await page.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Archived" })).toBeVisible();
  expect((await page.request.get(`/prisoners/${slug}`)).status()).toBe(404);
  await page.getByRole("button", { name: "Restore as draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Restored as a draft." })).toBeVisible();

  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { name: `History of ${name}` })).toBeVisible();
  const entries = page.getByRole("listitem");
  await expect(entries).toHaveCount(4);
  await expect(entries.nth(0)).toContainText(`Restored by ${EDITOR}`);
  await expect(entries.nth(2)).toContainText(`Published by ${EDITOR}`);
  await expect(entries.nth(2)).toContainText("Publication:");
  await expect(entries.nth(3)).toContainText(`Created by ${EDITOR}`);
  await expect(entries.nth(3)).toContainText("Date of birth:");
  await expect(entries.nth(3)).toContainText("1955-12");
  await expectNoAxeViolations(page);
});

test("a related record picked by typing, or created on the spot", async ({ page }) => {
  const judge = `Judge ${unique()}`;
  const court = `Example District Court ${unique()}`;
  await signIn(page, EDITOR, "/admin/judges/new");
  await page.getByLabel(/Full name/).fill(judge);
  const picker = page.getByRole("combobox", { name: "Court" });
  await picker.fill("Nasimi");
  await expect(page.getByRole("option", { name: /Nasimi District Court/ })).toBeVisible();
  await picker.fill(court);
  await expect(page.getByRole("option", { name: `Create new: “${court}”` })).toBeVisible();
  await expectNoAxeViolations(page);
  await picker.press("ArrowDown");
  await expect(picker).toHaveAttribute("aria-activedescendant", /option/);
  await page.getByRole("option", { name: `Create new: “${court}”` }).click();
  await expect(picker).toHaveValue(court);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { name: judge })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Court" })).toHaveValue(court);
});

test("two people save the same record: the second sees what changed and keeps their input", async ({ browser }) => {
  test.setTimeout(120_000);
  const name = `Contested Person ${unique()}`;
  const first = await newContext(browser, EDITOR, "/admin/prisoners/new");
  await first.page.getByLabel(/Full name/).fill(name);
  await first.page.getByRole("button", { name: "Save draft" }).click();
  await expect(first.page.getByRole("heading", { name })).toBeVisible();
  const address = new URL(first.page.url()).pathname;

  const second = await newContext(browser, ADMIN, address);
  await first.page.getByLabel("Biography").fill("The first editor's biography.");
  await first.page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(first.page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  await second.page.getByLabel("Biography").fill("The second editor's biography.");
  await second.page.getByRole("button", { name: "Save", exact: true }).click();
  const conflict = second.page.getByRole("region", { name: "Changed by someone else since you opened it" });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText("Saved now: The first editor's biography.");
  await expect(conflict).toContainText("Yours (still in the form): The second editor's biography.");
  await expect(second.page.getByLabel("Biography")).toHaveValue("The second editor's biography.");
  await expectNoAxeViolations(second.page);

  // Saving again is a deliberate choice, and then it goes through.
  await second.page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(second.page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(second.page.getByLabel("Biography")).toHaveValue("The second editor's biography.");
  await first.context.close();
  await second.context.close();
});
