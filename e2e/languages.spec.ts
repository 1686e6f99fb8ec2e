import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/**
 * The public site in English, Azerbaijani and Russian: the language is in the address, the
 * switcher keeps the page and its search, <html lang> follows, and names stay as recorded.
 */

function switcher(page: Page) {
  return page.getByRole("navigation", { name: /^(Language|Dil|Язык)$/ });
}

test("the home page switches to Azerbaijani and Russian and back, keeping <html lang> right", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(switcher(page).getByRole("link", { name: "English" })).toHaveAttribute("aria-current", "page");

  await switcher(page).getByRole("link", { name: "Azərbaycanca" }).click();
  await expect(page).toHaveURL(/\/az$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "az");
  await expect(page.getByRole("heading", { level: 1, name: "Siyasi məhbuslar, iş-iş" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Hazırda həbsdə" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Əsas menyu" }).getByRole("link", { name: "Məhbuslar" })).toHaveAttribute(
    "href",
    "/az/prisoners",
  );
  await expect(switcher(page).getByRole("link", { name: "Azərbaycanca" })).toHaveAttribute("aria-current", "page");

  await switcher(page).getByRole("link", { name: "Русский" }).click();
  await expect(page).toHaveURL(/\/ru$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("region", { name: "Сейчас в заключении" })).toBeVisible();

  await switcher(page).getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Political prisoners, case by case" })).toBeVisible();
});

test("the switcher is plain links in the server's HTML, with hreflang alternates in the head", async ({ request }) => {
  const html = await (await request.get("/az/prisoners?q=yunus")).text();
  expect(html).toContain('<html lang="az"');
  // The switcher keeps the path and the search without any script.
  expect(html).toMatch(/href="\/ru\/prisoners\?q=yunus"[^>]*>Русский</);
  expect(html).toMatch(/href="\/prisoners\?q=yunus"[^>]*>English</);
  expect(html).toMatch(/<link rel="alternate" hrefLang="ru" href="[^"]*\/ru\/prisoners"/);
  expect(html).toMatch(/<link rel="alternate" hrefLang="x-default" href="[^"]*\/prisoners"/);
});

test("a profile in Azerbaijani shows the name as recorded and the case in Azerbaijani", async ({ page, request }) => {
  await page.goto("/prisoners/intigam-aliyev");
  await switcher(page).getByRole("link", { name: "Azərbaycanca" }).click();
  await expect(page).toHaveURL(/\/az\/prisoners\/intigam-aliyev$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "az");
  // The recorded name, never transliterated; the other recorded forms are listed as they are.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Intigam Aliyev");
  await expect(page.locator('span[lang="az"]', { hasText: "İntiqam Əliyev" })).toBeVisible();
  await expect(page.getByTestId("profile-status")).toHaveText("Ən geci 24 oktyabr 2014 tarixindən həbsdə");
  await expect(page.getByRole("region", { name: "İşin xronologiyası" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Hazırda harada saxlanılır" })).toContainText("Baku Detention Facility");
  // The link preview is in Azerbaijani too, at the Azerbaijani address.
  const card = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(new URL(card ?? "").pathname).toBe("/az/prisoners/intigam-aliyev/opengraph-image");
  expect((await request.get(card ?? "")).headers()["content-type"]).toBe("image/png");

  await switcher(page).getByRole("link", { name: "Русский" }).click();
  await expect(page).toHaveURL(/\/ru\/prisoners\/intigam-aliyev$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Intigam Aliyev");
  await expect(page.getByTestId("profile-status")).toHaveText("Под стражей не позднее чем с 24 октября 2014 г.");
});

test("the directory searches in Azerbaijani and the switcher keeps the search", async ({ page }) => {
  await page.goto("/az/prisoners");
  await expect(page.getByRole("heading", { level: 1, name: "Məhbuslar" })).toBeVisible();
  const form = page.getByRole("search", { name: "Məhbusları axtar və süz" });
  await form.getByLabel("Ad", { exact: true }).fill("Yunus");
  await form.getByRole("button", { name: "Axtar" }).click();
  await expect(page).toHaveURL(/\/az\/prisoners\?q=Yunus/);
  await expect(page.getByTestId("directory-summary")).toContainText("tapıldı");
  await expect(page.getByRole("link", { name: "Leyla Yunus" })).toHaveAttribute("href", "/az/prisoners/leyla-yunus");

  await switcher(page).getByRole("link", { name: "Русский" }).click();
  await expect(page).toHaveURL(/\/ru\/prisoners\?q=Yunus/);
  await expect(page.getByTestId("directory-summary")).toContainText(/Найден/);
  await expect(page.getByRole("search").getByLabel("Имя", { exact: true })).toHaveValue("Yunus");
});

test("an address in an unknown language is not found; English has one address, unprefixed", async ({ page, request }) => {
  const response = await page.goto("/xx/prisoners");
  expect(response?.status()).toBe(404);
  const prefixed = await request.get("/en/prisoners?q=yunus", { maxRedirects: 0 });
  expect(prefixed.status()).toBeGreaterThanOrEqual(300);
  expect(prefixed.status()).toBeLessThan(400);
  expect(new URL(prefixed.headers()["location"], "http://localhost").pathname).toBe("/prisoners");
});

test("a missing page reads without scripts, in its language, with status 404 and the live count", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const [path, title, lang] of [
    ["/prisoners/no-such-person", "No profile here", "en"],
    ["/az/prisoners/no-such-person", "Burada profil yoxdur", "az"],
    ["/ru/prisoners/no-such-person/changes", "Профиля нет", "ru"],
    ["/ru/courts/no-such-court", "Страница не найдена", "ru"],
    ["/az/no/such/page", "Səhifə tapılmadı", "az"],
    ["/no-such-page", "Page not found", "en"],
    ["/xx/prisoners", "Page not found", "en"],
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: title }), path).toBeVisible();
    await expect(page.locator("html"), path).toHaveAttribute("lang", lang);
    await expect(page.getByTestId("header-count"), path).toContainText(/\d/);
    await expect(page.locator('meta[name="robots"]'), path).toHaveAttribute("content", /noindex/);
  }
  // Again, for another missing person: the stored "not found" page, still with 404.
  const again = await page.goto("/prisoners/another-missing-person");
  expect(again?.status()).toBe(404);
  expect(again?.headers()["x-habeas-cache"]).toBe("hit");
  await expect(page.getByRole("heading", { level: 1, name: "No profile here" })).toBeVisible();
  // The link-preview image route is not a page: it answers for itself.
  expect((await page.request.get("/prisoners/no-such-person/opengraph-image")).status()).toBe(404);
  await context.close();
});

for (const path of ["/az", "/az/prisoners/intigam-aliyev", "/ru/prisoners", "/ru/statistics", "/az/prisoners/no-such-person"]) {
  test(`${path} has no accessibility violations`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations).toEqual([]);
  });
}

test("following, citing, embedding and downloading speak the page's language; the citation stays as recorded", async ({ page }) => {
  await page.goto("/az/prisoners/leyla-yunus");
  const follow = page.getByRole("navigation", { name: "Bu işi izləyin" });
  await expect(follow.getByRole("link", { name: "Məhkəmə iclaslarına abunə olun (təqvim)" })).toHaveAttribute("href", /^webcal:\/\//);
  await expect(follow.getByRole("link", { name: "Nə dəyişib" })).toHaveAttribute("href", "/az/prisoners/leyla-yunus/changes");
  const cite = page.locator("summary", { hasText: "İstinad et: bu profil" });
  await cite.click();
  const citation = page.getByTestId("cite-this").filter({ has: cite });
  await expect(citation.getByText("Sadə mətn")).toBeVisible();
  await expect(citation.getByText(/Leyla Yunus/).first()).toBeVisible();
  await expect(citation.getByText("BibTeX")).toBeVisible();

  // An event's own citation page speaks the language too, and leads back to the event there.
  const event = page.locator("article[id^='event-']").first();
  const anchor = await event.getAttribute("id");
  await event.getByTestId("cite-event").click();
  await expect(page).toHaveURL(new RegExp(`/az/prisoners/leyla-yunus/cite/${anchor}$`));
  await expect(page.getByRole("heading", { level: 1, name: /^İstinad: Leyla Yunus: / })).toBeVisible();
  await expect(page.getByTestId("cite-event-formats").getByText("Sadə mətn")).toBeVisible();
  await expect(page.getByRole("link", { name: "Profildə bu hadisəyə qayıt" })).toHaveAttribute("href", `/az/prisoners/leyla-yunus#${anchor}`);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await page.goto("/ru");
  const reuse = page.getByRole("region", { name: "Следить, подписаться, встроить" });
  await expect(reuse.getByRole("link", { name: "лента Atom" })).toHaveAttribute("href", "/feeds/events.atom");
  await expect(reuse.getByRole("heading", { name: "Встроить этот счётчик" })).toBeVisible();

  await page.goto("/ru/prisoners");
  await expect(page.getByRole("link", { name: "Скачать CSV" })).toHaveAttribute("href", "/api/v1/export/prisoners.csv");
  await page.getByRole("link", { name: "Что означает каждый столбец (на английском)" }).click();
  await expect(page).toHaveURL(/\/ru\/data$/);
  await expect(page.locator("article[lang=en]").getByRole("heading", { level: 1, name: "Data dictionary" })).toBeVisible();
});
