import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { exportColumns } from "../lib/export/columns";

/**
 * The download links on the directory, the data dictionary and the API page, on the demo data,
 * through the production server.
 */

const today = () => new Date().toISOString().slice(0, 10);

test("the directory's download links carry its filters and give what it lists", async ({ page }) => {
  await page.goto("/prisoners?status=imprisoned");
  const found = await page.getByRole("region", { name: "Results" }).getByRole("status").textContent();
  const shown = Number(/(\d+) (person|people) found/.exec(found ?? "")?.[1]);
  expect(shown).toBeGreaterThan(0);

  const csvLink = page.getByRole("link", { name: "Download CSV" });
  await expect(csvLink).toHaveAttribute("href", "/api/v1/export/prisoners.csv?status=imprisoned");
  const response = await page.request.get((await csvLink.getAttribute("href")) as string);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toBe(`attachment; filename="habeas-prisoners-${today()}.csv"`);
  const records: Record<string, string>[] = parse(await response.body(), { bom: true, columns: true });
  expect(records.length).toBe(shown);
  expect(records.every((record) => record.status === "imprisoned")).toBe(true);
  expect(records.map((record) => record.full_name)).toContain("Leyla Yunus");

  const jsonLink = page.getByRole("link", { name: "Download JSON" });
  await expect(jsonLink).toHaveAttribute("href", "/api/v1/export/prisoners.json?status=imprisoned");
  await page.getByRole("link", { name: "What each column means" }).click();
  await expect(page).toHaveURL(/\/data$/);
});

test("the data dictionary describes every exported column, accessibly, at any width", async ({ page }) => {
  await page.goto("/data");
  await expect(page.getByRole("heading", { level: 1, name: "Data dictionary" })).toBeVisible();
  for (const column of exportColumns) {
    await expect(page.getByRole("heading", { level: 3, name: column.name, exact: true })).toBeVisible();
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);
});

test("the API page lists the endpoints and links the OpenAPI document", async ({ page }) => {
  await page.goto("/developers");
  await expect(page.getByRole("heading", { level: 1, name: "Public API" })).toBeVisible();
  await expect(page.getByText("GET /api/v1/prisoners/{slug}")).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  const openapi = await page.request.get("/api/v1/openapi.json");
  expect((await openapi.json()).openapi).toBe("3.1.0");
  const person = await page.request.get("/api/v1/prisoners/leyla-yunus");
  expect(person.status()).toBe(200);
  expect(person.headers()["access-control-allow-origin"]).toBe("*");
  expect((await person.json()).fullName).toBe("Leyla Yunus");
  const head = await page.request.head("/api/v1/count");
  expect(head.status()).toBe(200);
  expect(head.headers()["access-control-allow-origin"]).toBe("*");
  const refused = await page.request.post("/api/v1/prisoners", { data: {} });
  expect(refused.status()).toBe(405);
  expect(refused.headers()["access-control-allow-origin"]).toBeUndefined();
});
