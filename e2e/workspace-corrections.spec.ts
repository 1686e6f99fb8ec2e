import { execFile } from "node:child_process";
import { promisify } from "node:util";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { PHONE_360 } from "./support/browser";

/**
 * The workspace's corrections, on a phone, signed in as the demo editor: a transfer recorded
 * from the person's page (the facility picked by typing, a source cited) shows on the public
 * timeline once published; a release recorded, corrected and undone moves the public count and
 * the timeline at once. And signed out, every workspace page answers with a real redirect to
 * sign in, without any script running.
 *
 * The person is made for this test from another process (e2e/support/corrections-fixture.ts)
 * and archived afterwards, so the demo record other tests read stays as the seed left it.
 */
test.use(PHONE_360);

type Fixture = { prisonerId: string; slug: string; fullName: string; custodyPeriodId: string; facility: string; source: string };

async function fixture(...args: string[]): Promise<Fixture> {
  const { stdout } = await promisify(execFile)(
    "node_modules/.bin/tsx",
    ["--conditions=react-server", "e2e/support/corrections-fixture.ts", ...args],
    { env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, HABEAS_DB_MODE: "embedded" } },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as Fixture;
}

let person: Fixture | undefined;

test.afterEach(async () => {
  if (person) await fixture("archive", person.prisonerId);
  person = undefined;
});

async function signInAsEditor(page: Page, next: string) {
  await page.goto(next);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel("Email").fill("editor@demo.habeas.example");
  await page.getByLabel("Password", { exact: true }).fill("demo-habeas-2014");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${next}$`));
}

async function expectNoAxeViolations(page: Page) {
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`)).toEqual([]);
}

async function countNow(request: APIRequestContext): Promise<number> {
  return ((await (await request.get("/api/count")).json()) as { count: number }).count;
}

/** The public profile, reloaded until it shows what was saved (the page cache is emptied by the save's notification). */
async function expectOnProfile(page: Page, slug: string, check: () => Promise<void>) {
  await expect(async () => {
    await page.goto(`/prisoners/${slug}`);
    await check();
  }).toPass({ timeout: 15_000 });
}

test("a transfer recorded from the person's page, and a release recorded, corrected and undone", async ({ page }) => {
  test.setTimeout(180_000);
  person = await fixture("setup");
  const adminPath = `/admin/prisoners/${person.prisonerId}`;
  await signInAsEditor(page, adminPath);
  await expect(page.getByRole("heading", { level: 1, name: person.fullName })).toBeVisible();

  // A transfer, from the person's page: the person is filled in, the facility found by typing.
  await page.getByRole("link", { name: "Add to transfers" }).click();
  await expect(page.getByRole("heading", { name: "New transfer" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Person" })).toHaveValue(person.fullName);
  const facility = page.getByRole("combobox", { name: "Facility" });
  await facility.fill(person.facility.split(" ").slice(-2).join(" "));
  await page.getByRole("option", { name: person.facility }).click();
  await expect(facility).toHaveValue(person.facility);
  await page.getByLabel("Held there from").fill("1606-05");
  const sources = page.getByRole("combobox", { name: "Sources" });
  await sources.fill(person.source);
  await page.getByRole("option", { name: person.source }).click();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as a draft." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: `${person.fullName}: ${person.facility} from 1606-05` })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Published" })).toBeVisible();
  const transfer = person.facility;
  await expectOnProfile(page, person.slug, async () => {
    await expect(page.getByRole("heading", { name: `Transferred to ${transfer}` })).toBeVisible({ timeout: 1000 });
  });

  // A release: the count goes down at once.
  const held = await countNow(page.request);
  await page.goto(`/admin/custody/${person.custodyPeriodId}`);
  await page.getByRole("textbox", { name: "Released on (required)" }).fill("1607-01-10");
  await page.getByLabel("Reason for release").selectOption("ACQUITTED");
  await page.getByRole("button", { name: "Record release" }).click();
  await expect(page.getByRole("heading", { name: "Released on 1607-01-10" })).toBeVisible();
  await expect.poll(() => countNow(page.request)).toBe(held - 1);

  // Corrected: another date, known only to the month; the timeline follows.
  await expectNoAxeViolations(page);
  await page.getByRole("textbox", { name: "Released on (required)" }).fill("1607-02");
  await page.getByRole("button", { name: "Save correction" }).click();
  await expect(page.getByRole("heading", { name: "Released on 1607-02" })).toBeVisible();
  await expectOnProfile(page, person.slug, async () => {
    // The innermost article with that heading: the release's own timeline entry.
    const release = page.getByRole("article").filter({ has: page.getByRole("heading", { name: /^Released \(/ }) }).last();
    await expect(release.locator("time").first()).toHaveAttribute("datetime", "1607-02", { timeout: 1000 });
  });

  // Undone: recorded by mistake, the period is open again and the person counted.
  await page.goto(`/admin/custody/${person.custodyPeriodId}`);
  await page.getByRole("button", { name: "Undo release" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Release undone" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Record release" })).toBeVisible();
  await expect.poll(() => countNow(page.request)).toBe(held);
  await expectNoAxeViolations(page);

  // The history says what changed, in the form's words.
  await page.getByRole("link", { name: "History" }).click();
  const entries = page.getByRole("listitem");
  await expect(entries.nth(0)).toContainText("Released on:");
  await expect(entries.nth(0)).toContainText("1607-02");
  await expect(entries.nth(1)).toContainText("1607-01-10");
  await expectNoAxeViolations(page);
});

test("signed out, workspace pages answer with a redirect to sign in, without script", async ({ request }) => {
  for (const path of ["/admin", "/admin/records", "/admin/placements/new", "/admin/custody?parent=x", "/admin/hearings/new"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    const location = new URL(response.headers().location, "http://localhost");
    expect(location.pathname, path).toBe("/sign-in");
    expect(location.searchParams.get("next"), path).toBe(path);
  }
  // A cookie that holds no session gets past the cheap check in proxy.ts; the layout redirects.
  const forged = await request.get("/admin/records", { maxRedirects: 0, headers: { cookie: "next-auth.session-token=not-a-session" } });
  expect(forged.status()).toBe(307);
  expect(forged.headers().location).toMatch(/\/sign-in\?next=%2Fadmin%2Frecords$/);
  // The sign-in page itself is served.
  expect((await request.get("/sign-in", { maxRedirects: 0 })).status()).toBe(200);
});
