import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";

/**
 * Bulk import as an editor does it: choose a file, see every row's errors, fix the file,
 * import, watch the progress bar finish. Names are unique per run, so each run imports anew.
 */

const header = "full_name,category,arrest_date,charges,place_of_detention,source_url,notes";

function csvFile(lines: string[]) {
  return { name: "people.csv", mimeType: "text/csv", buffer: Buffer.from([header, ...lines].join("\n") + "\n") };
}

async function signInAsEditor(page: Page) {
  await page.goto("/sign-in?next=/admin/import");
  await page.getByLabel("Email").fill("editor@demo.habeas.example");
  await page.getByLabel("Password").fill("demo-habeas-2014");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Import people from a CSV file" })).toBeVisible();
}

test("an editor previews a file with errors, fixes it, and imports it with progress", async ({ page }) => {
  const token = randomUUID().slice(0, 8);
  await signInAsEditor(page);

  await page.getByLabel("CSV file").setInputFiles(
    csvFile([
      `Import E2E One ${token},Journalist,2013-11-22,234.4.3; 221.3,Baku Detention Facility,https://example.org/e2e,x`,
      `Import E2E Two ${token},Blogger ${token},2013-13,22x,Nowhere ${token},not-a-url,y`,
    ]),
  );
  await page.getByRole("button", { name: "Check the file" }).click();

  const table = page.getByRole("table", { name: "Every row of the file and what importing it does" });
  await expect(table).toBeVisible();
  const bad = table.getByRole("row").filter({ hasText: `Import E2E Two ${token}` });
  await expect(bad.getByRole("cell", { name: "Error" })).toBeVisible();
  await expect(bad).toContainText("arrest_date: Enter a date");
  await expect(bad).toContainText('charges: "22x" is not an article number');
  await expect(bad).toContainText(`place_of_detention: "Nowhere ${token}" is not a facility in the record`);
  await expect(bad).toContainText("source_url:");
  await expect(page.getByText("Ignored columns: notes")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Nothing can be imported until every error below is fixed." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Import", exact: true })).toHaveCount(0);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await page.getByLabel("CSV file").setInputFiles(
    csvFile([
      `Import E2E One ${token},Journalist,2013-11-22,234.4.3; 221.3,Baku Detention Facility,https://example.org/e2e,x`,
      `Import E2E Two ${token},Blogger ${token},2013-11,221.3,,https://example.org/e2e,y`,
    ]),
  );
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ready to import: 2 new, 0 changed, 0 unchanged." })).toBeVisible();
  await expect(page.getByText(`Categories that will be created: Blogger ${token}`)).toBeVisible();

  await page.getByRole("button", { name: "Import", exact: true }).click();
  const progress = page.getByRole("progressbar", { name: "Import progress" });
  await expect(progress).toBeVisible();
  await expect(page.getByText("2 of 2 rows written")).toBeVisible();
  await expect(progress).toHaveAttribute("value", "2");
  await expect(page.getByRole("status").filter({ hasText: "Imported 2 new and 0 changed rows." })).toBeVisible();
  await expect(page.getByText(/Imported: 2 prisoners/)).toBeVisible();

  // The same file again changes nothing.
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ready to import: 0 new, 0 changed, 2 unchanged." })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test("a viewer is not offered the import", async ({ page }) => {
  await page.goto("/sign-in?next=/admin");
  await page.getByLabel("Email").fill("viewer@demo.habeas.example");
  await page.getByLabel("Password").fill("demo-habeas-2014");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Workspace" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Import" })).toHaveCount(0);
  const response = await page.goto("/admin/import");
  expect(response?.status()).toBe(404);
});

test("the import endpoint refuses other sites and anyone not signed in, and writes nothing", async ({ request, baseURL }) => {
  const multipart = { file: csvFile([`Never Imported,,,,,https://example.org/never,x`]) };
  const crossSite = await request.post("/admin/import/run", { headers: { origin: "https://attacker.example" }, multipart });
  expect(crossSite.status()).toBe(403);
  const anonymous = await request.post("/admin/import/run", { headers: { origin: new URL(baseURL!).origin }, multipart });
  expect(anonymous.status()).toBe(200);
  const lines = (await anonymous.text()).trim().split("\n").map((line) => JSON.parse(line));
  expect(lines).toEqual([{ state: expect.objectContaining({ status: "error", code: 401 }) }]);

  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT count(*)::int AS n FROM prisoner WHERE full_name = 'Never Imported'");
    expect(rows[0].n).toBe(0);
  } finally {
    await client.end();
  }
});
