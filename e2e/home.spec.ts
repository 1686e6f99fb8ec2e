import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import pg from "pg";

/**
 * The count on the home page, checked against an independent reading of the custody records
 * (for today every recorded start counts; docs/decisions/0004-derived-status.md)
 * made straight from the database the app is serving.
 */
async function countFromCustodyRecords(): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: number }>(`
      SELECT count(DISTINCT p.id)::int AS count
      FROM prisoner p JOIN custody_period c ON c.prisoner_id = p.id
      WHERE p.state = 'PUBLISHED' AND c.state = 'PUBLISHED' AND c.kind = 'DETENTION'
        AND (c.end_date IS NULL OR c.end_date > (now() AT TIME ZONE 'UTC')::date)
        AND c.start_date <= (now() AT TIME ZONE 'UTC')::date`);
    return rows[0].count;
  } finally {
    await client.end();
  }
}

test("the home page shows how many are imprisoned now, what that means, and as of when", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);

  const panel = page.getByRole("region", { name: "Imprisoned now" });
  await expect(panel).toBeVisible();
  const shown = Number(await panel.getByTestId("imprisoned-count").textContent());
  const expected = await countFromCustodyRecords();
  expect(expected).toBeGreaterThan(0);
  expect(shown).toBe(expected);

  await expect(panel.getByText(/^As of /)).toBeVisible();
  await panel.getByText("What this number counts").click();
  await expect(panel.getByText(/House arrest is recorded on profiles but not counted/)).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Leyla Yunus" })).toBeVisible();

  await page.getByRole("link", { name: `Everyone imprisoned now (${expected})` }).click();
  await expect(page).toHaveURL(/\/prisoners\?status=imprisoned/);
  await expect(page.getByRole("link", { name: "Leyla Yunus" })).toBeVisible();
});

test("the count is in the server-rendered HTML, before any script runs", async ({ request }) => {
  const html = await (await request.get("/")).text();
  const expected = await countFromCustodyRecords();
  expect(html).toMatch(new RegExp(`data-testid="imprisoned-count"[^>]*>${expected}<`));
});

test("the home page has no accessibility violations", async ({ page }) => {
  await page.goto("/");
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});

test("robots.txt keeps crawlers out of the workspace and gives the sitemap's absolute address", async ({ request, baseURL }) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/plain");
  const text = await response.text();
  for (const path of ["/admin", "/sign-in", "/set-password/", "/api/admin/"]) expect(text).toContain(`Disallow: ${path}`);
  const sitemap = /^Sitemap: (\S+)$/m.exec(text)?.[1];
  expect(sitemap).toBe(new URL("/sitemap.xml", baseURL).href);
  const listed = await request.get(sitemap!);
  expect(listed.status()).toBe(200);
  expect(await listed.text()).toContain("<urlset");
});
