import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { CROSS_SITE_BROWSER } from "./support/browser";

/**
 * The embeddable count, framed by another site's page: it renders, follows the count stream
 * (its CSP lets its own script and the stream through), links back, and is accessible.
 */

// The other site's page is served by the browser itself (no request leaves the machine), which
// Chromium counts as a public page; its local-network checks would then block the frame.
test.use(CROSS_SITE_BROWSER);

const TITLE = "Political prisoners imprisoned now (Habeas)";

test("the embedded count renders in an iframe on another site, follows the stream, and is accessible", async ({ page, baseURL }) => {
  // Another origin: localhost, not 127.0.0.1.
  const foreign = `${baseURL!.replace("127.0.0.1", "localhost")}/another-site`;
  expect(new URL(foreign).origin).not.toBe(new URL(baseURL!).origin);
  await page.route(foreign, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><title>A news site</title></head><body><main><h1>News</h1>
<iframe src="${baseURL}/embed/count" title="${TITLE}" width="340" height="230" style="border:0"></iframe>
</main></body></html>`,
    }),
  );
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  // The stream is opened by the embed's own script: proof that its CSP lets it run.
  const streamOpened = page.waitForResponse((response) => response.url() === `${baseURL}/api/count/stream`);
  await page.goto(foreign);
  await streamOpened;

  const frame = page.frameLocator(`iframe[title="${TITLE}"]`);
  const { count } = await (await page.request.get(`${baseURL}/api/count`)).json();
  await expect(frame.getByTestId("embed-count")).toHaveText(String(count));
  await expect(frame.getByText("House arrest is not counted")).toBeVisible();
  await expect(frame.getByText(/^As of /)).toBeVisible();
  const back = frame.getByRole("link", { name: /Who they are, and how this is counted/ });
  await expect(back).toHaveAttribute("target", "_blank");
  expect(await back.getAttribute("href")).toMatch(/\/#imprisoned-now$/);
  expect(refused).toEqual([]);

  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});
