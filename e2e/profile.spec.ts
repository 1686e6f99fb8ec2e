import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import pg from "pg";

/**
 * The public profile at /prisoners/[slug], on the demo data (prisma/seed/demo.ts) served by the
 * production build.
 */

async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function openAliyev(page: Page) {
  const response = await page.goto("/prisoners/intigam-aliyev");
  expect(response?.status()).toBe(200);
  return page.getByRole("region", { name: "Case timeline" });
}

function hearingOf24October(page: Page): Locator {
  return page.getByRole("article", { name: "Detention extension hearing at Nasimi District Court, Baku" });
}

function motion(hearing: Locator, text: string): Locator {
  return hearing.getByRole("listitem").filter({ hasText: text });
}

test("Intigam Aliyev's profile shows the hearing of 24 October 2014, its motions and rulings, and the extension, with sources", async ({
  page,
}) => {
  const timeline = await openAliyev(page);
  await expect(page.getByRole("heading", { level: 1, name: "Intigam Aliyev" })).toBeVisible();
  await expect(page.getByTestId("profile-status")).toHaveText("In custody by 24 October 2014");
  await expect(page.locator('[lang="az"]', { hasText: "İntiqam Əliyev" })).toBeVisible();
  await expect(page.locator('[lang="ru"]', { hasText: "Интигам Алиев" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Where held now" })).toContainText("Baku Detention Facility");

  const hearing = hearingOf24October(page);
  await expect(hearing).toBeVisible();
  await expect(hearing.locator("time").first()).toHaveAttribute("datetime", "2014-10-24");
  await expect(hearing.locator("time").first()).toHaveText("24 October 2014");
  await expect(hearing).toContainText("Held");
  await expect(hearing.locator(":scope > div blockquote")).toContainText(
    "Yesterday (24 October 2014), Nasimi Rayon Court considered the investigation's motion",
  );

  const motions = hearing.getByRole("list").filter({ has: page.locator("li[id^='event-']") });
  await expect(motions.locator(":scope > li")).toHaveCount(3);

  const extend = motion(hearing, "Extend detention, filed by the investigation");
  await expect(extend).toContainText("granted");
  await expect(extend).toContainText("Detention extended until 8 February 2015.");
  await expect(extend.locator("blockquote")).toHaveText(
    "The court granted the investigation's motion to extend I. Aliyev's detention period, extending his imprisonment period to 8 February 2015.",
  );

  const bail = motion(hearing, "House arrest or bail, filed by the defence");
  await expect(bail).toContainText("dismissed");
  await expect(bail.locator("blockquote")).toHaveText(
    "The court however dismissed our motion for I. Aliyev to serve the appointed period on bail or under house arrest.",
  );

  const medical = motion(hearing, "Medical examination, filed by the defence");
  await expect(medical).toContainText("not considered");
  await expect(medical).toContainText("sent to the Prosecutor General's Office for Grave Crimes");
  await expect(medical.locator("blockquote")).toHaveText(
    "However, the court did not consider the motion and sent it to the General Prosecutor's Office for Grave Crimes.",
  );

  const extension = page.getByRole("article", { name: "Detention extended until 8 February 2015" });
  await expect(extension).toBeVisible();
  await expect(extension.locator("time[datetime='2015-02-08']").first()).toBeVisible();
  await expect(extension.locator("blockquote")).toHaveText("extending his imprisonment period to 8 February 2015.");

  // In date order: the arrest (as far as the sources show it), the hearing, then what it ordered.
  const titles = await timeline.getByRole("article").locator("h3").allTextContents();
  const position = (title: string) => titles.indexOf(title);
  expect(position("In custody (arrest date not recorded)")).toBeGreaterThanOrEqual(0);
  expect(position("In custody (arrest date not recorded)")).toBeLessThan(
    position("Detention extension hearing at Nasimi District Court, Baku"),
  );
  expect(position("Detention extension hearing at Nasimi District Court, Baku")).toBeLessThan(
    position("Detention extended until 8 February 2015"),
  );
});

test("an event's permalink targets that event and scrolls to it", async ({ page }) => {
  await openAliyev(page);
  const hearing = hearingOf24October(page);
  const anchor = await hearing.getAttribute("id");
  expect(anchor).toMatch(/^event-[0-9a-f-]{36}$/);
  await expect(hearing.getByRole("link", { name: /^link to this event/ })).toHaveAttribute("href", `#${anchor}`);

  await page.goto(`/prisoners/intigam-aliyev#${anchor}`);
  await expect(page.locator(":target")).toHaveAttribute("id", anchor!);
  await expect(page.locator(`#${anchor}`)).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);

  const extension = page.getByRole("article", { name: "Detention extended until 8 February 2015" });
  await extension.getByRole("link", { name: /^link to this event/ }).click();
  const extensionAnchor = await extension.getAttribute("id");
  await expect(page).toHaveURL(new RegExp(`#${extensionAnchor}$`));
  await expect(page.locator(":target")).toHaveAttribute("id", extensionAnchor!);
});

test("private health details never reach the page", async ({ request }) => {
  const html = await (await request.get("/prisoners/intigam-aliyev")).text();
  expect(html).toContain("Intigam Aliyev");
  const privateFacts = await withDatabase(async (client) => {
    const { rows } = await client.query<{ health_details: string }>(
      `SELECT pp.health_details FROM prisoner_private pp JOIN prisoner p ON p.id = pp.prisoner_id
       WHERE pp.health_details IS NOT NULL`,
    );
    return rows.map((row) => row.health_details);
  });
  expect(privateFacts.length).toBeGreaterThan(0);
  for (const fact of privateFacts) expect(html).not.toContain(fact);
  for (const fragment of ["brain trauma", "right leg seized up", "nearly lost consciousness", "health deteriorated"]) {
    expect(html).not.toContain(fragment);
  }
});

test("unknown, draft and archived people have no profile", async ({ request }) => {
  expect((await request.get("/prisoners/no-such-person")).status()).toBe(404);
  expect((await request.get("/prisoners/no-such-person/opengraph-image")).status()).toBe(404);

  const run = randomUUID().slice(0, 8);
  const hidden = { DRAFT: `e2e-draft-${run}`, ARCHIVED: `e2e-archived-${run}` };
  await withDatabase(async (client) => {
    for (const [state, slug] of Object.entries(hidden)) {
      await client.query(`INSERT INTO prisoner (slug, full_name, state) VALUES ($1, $2, $3)`, [slug, `Hidden ${slug}`, state]);
    }
  });
  for (const slug of Object.values(hidden)) {
    const response = await request.get(`/prisoners/${slug}`);
    expect(response.status(), slug).toBe(404);
    expect(await response.text()).not.toContain(`Hidden ${slug}`);
    expect((await request.get(`/prisoners/${slug}/opengraph-image`)).status(), slug).toBe(404);
  }
});

test("link previews carry the name, the status, the address and an image", async ({ page, request, baseURL }) => {
  await openAliyev(page);
  await expect(page).toHaveTitle("Intigam Aliyev · Habeas");
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "Intigam Aliyev");
  await expect(page.locator('meta[property="og:description"]')).toHaveAttribute("content", /In custody by 24 October 2014/);
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", `${baseURL}/prisoners/intigam-aliyev`);

  const imageUrl = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(imageUrl?.startsWith(`${baseURL}/prisoners/intigam-aliyev/opengraph-image`)).toBe(true);
  const image = await request.get(imageUrl!);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
  const bytes = await image.body();
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(bytes.length).toBeGreaterThan(5_000);
});

test("a hearing announced for a past date with no outcome says so", async ({ page }) => {
  await page.goto("/prisoners/alayif-hasanov");
  const trial = page.getByRole("article", { name: "Trial session" });
  await expect(trial.locator("time").first()).toHaveAttribute("datetime", "2014-10-08");
  await expect(trial).toContainText("Scheduled; no outcome recorded");
  await expect(page.getByText("is also a defence lawyer, for")).toBeVisible();
  await page.getByRole("link", { name: "Leyla Yunus" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Leyla Yunus" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Lawyers" }).getByRole("link", { name: "Alayif Hasanov" })).toBeVisible();
});

test("the profile fits a 360-pixel screen and prints without navigation", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openAliyev(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(hearingOf24October(page).getByRole("link", { name: /^link to this event/ })).toBeHidden();
  await expect(hearingOf24October(page)).toBeVisible();
});

test("profiles have no accessibility violations", async ({ page }) => {
  for (const slug of ["intigam-aliyev", "alayif-hasanov", "shahin-novruzlu"]) {
    await page.goto(`/prisoners/${slug}`);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations, slug).toEqual([]);
  }
});
