import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import pg from "pg";
import sharp from "sharp";
import { DEMO_PASSWORD } from "../prisma/seed/demo-users";

/**
 * The workspace's preview of a person's profile is the public profile itself: for a published
 * person of the demo data it reads exactly as the public page does, and a new draft gets the
 * same layout inside a frame that says it is not public yet.
 */

const EDITOR = "editor@demo.habeas.example";
const PUBLISHED_SLUG = "intigam-aliyev";

async function signIn(page: Page, next: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(EDITOR);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, "\\$&")}$`));
}

async function prisonerIdOf(slug: string): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM prisoner WHERE slug = $1`, [slug]);
    expect(rows).toHaveLength(1);
    return rows[0].id;
  } finally {
    await client.end();
  }
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`)).toEqual([]);
}

/** What a reader sees of a profile: its headings, its timeline's event titles, and the text of each section. */
async function readProfile(profile: Locator) {
  const sections: Record<string, string> = {};
  for (const section of await profile.locator("section[aria-labelledby]").all()) {
    const heading = (await section.getByRole("heading", { level: 2 }).first().innerText()).trim();
    sections[heading] = (await section.innerText()).trim();
  }
  return {
    name: (await profile.getByRole("heading", { level: 1 }).innerText()).trim(),
    status: (await profile.getByTestId("profile-status").innerText()).trim(),
    headings: (await profile.getByRole("heading").allInnerTexts()).map((text) => text.trim()),
    events: (await profile.getByRole("region", { name: "Case timeline" }).locator("article h3").allInnerTexts()).map((text) => text.trim()),
    sections,
    text: (await profile.innerText()).trim(),
  };
}

test("the preview is only for signed-in users", async ({ page }) => {
  const id = await prisonerIdOf(PUBLISHED_SLUG);
  await page.goto(`/admin/prisoners/${id}/preview`);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await expect(page.getByRole("heading", { level: 1, name: "Intigam Aliyev" })).toHaveCount(0);
});

test("the preview of a published person reads exactly as the public profile", async ({ page }) => {
  // Two pages and an axe scan on a shared machine: a budget, not a timed assertion.
  test.setTimeout(120_000);
  const id = await prisonerIdOf(PUBLISHED_SLUG);

  const response = await page.goto(`/prisoners/${PUBLISHED_SLUG}`);
  expect(response?.status()).toBe(200);
  const published = await readProfile(page.getByRole("article", { name: "Intigam Aliyev" }));
  // The demo person has a full profile: the comparison below compares something.
  expect(published.events.length).toBeGreaterThan(3);
  expect(Object.keys(published.sections)).toEqual(
    expect.arrayContaining(["Where held now", "Charges", "Lawyers", "Case timeline"]),
  );

  await signIn(page, `/admin/prisoners/${id}/preview`);
  const banner = page.getByTestId("preview-banner");
  await expect(banner).toContainText("Preview: this is how the profile looks on the public site");
  await expect(banner.getByRole("link", { name: `/prisoners/${PUBLISHED_SLUG}` })).toHaveAttribute(
    "href",
    `/prisoners/${PUBLISHED_SLUG}`,
  );
  await expect(banner).toContainText("Links in the preview go to the public site");
  const preview = page.getByTestId("profile-preview").getByRole("article", { name: "Intigam Aliyev" });
  await expect(preview).toBeVisible();
  const previewed = await readProfile(preview);

  expect(previewed.name).toBe(published.name);
  expect(previewed.status).toBe(published.status);
  expect(previewed.headings).toEqual(published.headings);
  expect(previewed.events).toEqual(published.events);
  expect(previewed.sections).toEqual(published.sections);
  expect(previewed.text).toBe(published.text);
  await expectNoAxeViolations(page);

  await banner.getByRole("link", { name: "Back to editing" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/prisoners/${id}$`));
});

test("the preview of a new draft is the public layout, marked as not public yet", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const name = `Preview Person ${Math.random().toString(36).slice(2, 8)}`;
  await signIn(page, "/admin/prisoners/new");
  await page.getByLabel(/Full name/).fill(name);
  await page.getByLabel("Biography").fill("A biography written for the preview.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as a draft." })).toBeVisible();
  const slug = await page.getByLabel("Web address").inputValue();
  expect((await page.request.get(`/prisoners/${slug}`)).status()).toBe(404);

  await page.getByRole("link", { name: "Preview public profile" }).click();
  await expect(page).toHaveURL(/\/preview$/);
  const banner = page.getByTestId("preview-banner");
  await expect(banner).toContainText("Preview: this is how the profile will look when published; it is not public yet.");
  const preview = page.getByTestId("profile-preview").getByRole("article", { name });
  await expect(preview.getByRole("heading", { level: 1, name })).toBeVisible();
  // The public profile's sections, in the public profile's words.
  await expect(preview.getByRole("region", { name: "About" })).toContainText("A biography written for the preview.");
  await expect(preview.getByRole("region", { name: "Charges" })).toBeVisible();
  await expect(preview.getByRole("region", { name: "Lawyers" })).toBeVisible();
  await expect(preview.getByRole("region", { name: "Case timeline" })).toBeVisible();
  await expectNoAxeViolations(page);

  // A published portrait of a draft person shows in the preview, from the workspace only.
  const id = await prisonerIdOf(slug);
  const image = await sharp({ create: { width: 40, height: 50, channels: 3, background: "#7a5c3e" } }).png().toBuffer();
  await page.goto(`/admin/prisoners/${id}/portrait`);
  await page.getByLabel("Image", { exact: true }).setInputFiles({ name: "portrait.png", mimeType: "image/png", buffer: image });
  await page.getByLabel("Credit").fill("Preview Agency");
  await page.getByLabel("Licence or permission").fill("CC BY 4.0");
  await page.getByLabel("Consent to publish given by").selectOption("FAMILY");
  await page.getByRole("button", { name: "Upload portrait" }).click();
  await expect(page.getByText("Portrait saved and published.")).toBeVisible();
  await page.goto(`/admin/prisoners/${id}/preview`);
  const portrait = page.getByTestId("profile-preview").getByRole("img", { name });
  await expect(portrait).toHaveAttribute("src", `/admin/prisoners/${id}/portrait/image`);
  await expect.poll(() => portrait.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(0);
  expect((await page.request.get(`/prisoners/${slug}/portrait`)).status()).toBe(404);
  const anonymous = await (await browser.newContext({ baseURL })).newPage();
  expect((await anonymous.request.get(`/admin/prisoners/${id}/portrait/image`)).status()).toBe(404);
  await anonymous.context().close();
});
