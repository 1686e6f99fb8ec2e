import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import { parse as parseCsv } from "csv-parse/sync";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import ICAL from "ical.js";
import { DEMO_PASSWORD } from "../prisma/seed/demo-users";
import { hostilePrefix, XSS_BINDING } from "../scripts/test-support/hostile";
import type { HostileSeed, SeededField } from "./support/seed-hostile-records";

/**
 * Stored XSS (docs/security.md, item 8). The demo editor writes hostile text into every text
 * field of every kind of record through the admin's own actions, and publishes it all
 * (e2e/support/seed-hostile-records.ts; the fields come from the admin's form definitions, so
 * a new field is covered without a change here). Then every public page and every admin page
 * that shows them is opened in Chromium, and:
 *   - no payload ran: each calls a function exposed with exposeBinding, or opens a dialog;
 *   - the page holds no element a payload would have made (an on* attribute or a script with
 *     the payload's call, an iframe srcdoc, an <img src=x>) and no javascript: link;
 *   - the hostile text is shown as text: every stored value is read back from some page;
 *   - private fields never appear on a public page.
 * Feeds, calendars, citations and the CSV are parsed, and their text is the stored text.
 */

const run = promisify(execFile);
const EDITOR = "editor@demo.habeas.example";

async function support(...args: string[]) {
  const { stdout } = await run("node_modules/.bin/tsx", ["--conditions=react-server", "e2e/support/seed-hostile-records.ts", ...args], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, HABEAS_DB_MODE: "embedded" },
    maxBuffer: 20 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split("\n").pop()!);
}

test.describe.configure({ mode: "serial" });

let seed: HostileSeed;
/** Every page the text was read from: its text, and whether it is public. */
const shown: { label: string; publicPage: boolean; text: string }[] = [];
/** Payloads that ran, dialogs, and markup a payload left in a page. */
const incidents: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  seed = await support("seed");
});

test.afterAll(async () => {
  if (seed) await support("archive", JSON.stringify(seed.ids));
});

async function watch(context: BrowserContext) {
  await context.exposeBinding(XSS_BINDING, ({ page }, token: unknown) => {
    incidents.push(`payload ${String(token)} ran on ${page.url()}`);
  });
  context.on("page", (page) => observe(page));
}

function observe(page: Page) {
  page.on("dialog", (dialog) => {
    incidents.push(`dialog "${dialog.message()}" on ${page.url()}`);
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => {
    if (error.message.includes(XSS_BINDING)) incidents.push(`error from a payload on ${page.url()}: ${error.message}`);
  });
  page.on("console", (message) => {
    const text = message.text();
    if (text.includes(XSS_BINDING) || /Refused to execute (inline script|inline event handler|a script for an inline)|javascript: URL/i.test(text)) {
      incidents.push(`console on ${page.url()}: ${text}`);
    }
  });
}

/** Looks at the page as it is now: markup a payload would have made, and the text shown. */
async function inspect(page: Page, label: string, publicPage: boolean) {
  const { problems, text } = await page.evaluate(([binding, REACT_FORM_ACTION]) => {
    const problems: string[] = [];
    const linkAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"];
    for (const element of Array.from(document.querySelectorAll("*"))) {
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        const value = attribute.value;
        const where = `<${element.tagName.toLowerCase()} ${name}="${value.slice(0, 80)}">`;
        if (name.startsWith("on") && value.includes(binding)) problems.push(`event handler from stored text: ${where}`);
        if (name === "srcdoc") problems.push(`iframe srcdoc: ${where}`);
        // React's own placeholder on a form whose action is a server function (not stored text).
        const reactFormAction = (name === "action" || name === "formaction") && value === REACT_FORM_ACTION;
        if (linkAttributes.includes(name) && !reactFormAction && /^javascript:/i.test(value.replace(/[\u0000-\u0020]/g, ""))) {
          problems.push(`javascript: link: ${where}`);
        }
      }
      if (element.tagName === "IMG" && element.getAttribute("src") === "x") problems.push("an <img src=x> from stored text");
      if (element.tagName === "SCRIPT" && (element.textContent ?? "").includes(binding) && !(element.textContent ?? "").includes("__next_f")) {
        problems.push(`script from stored text: ${(element.textContent ?? "").slice(0, 80)}`);
      }
    }
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const hidden of Array.from(body.querySelectorAll("script, style, template"))) hidden.remove();
    const values = Array.from(document.querySelectorAll("input, textarea")).map((field) => (field as HTMLInputElement).value);
    return { problems, text: [document.title, document.body.innerText, body.textContent ?? "", ...values].join("\n") };
  }, [XSS_BINDING, "javascript:throw new Error('React form unexpectedly submitted.')"]);
  for (const problem of problems) incidents.push(`${label}: ${problem}`);
  shown.push({ label, publicPage, text });
}

async function visit(page: Page, path: string, publicPage: boolean) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await inspect(page, path, publicPage);
}

const field = (resource: string, name: string): SeededField => {
  const found = seed.fields.find((candidate) => candidate.resource === resource && candidate.name === name);
  if (!found) throw new Error(`no seeded field ${resource}.${name}`);
  return found;
};

test("the seed reached every text field an editor can set", () => {
  // The seed lists every text field of every admin form (lib/admin/forms.ts) and fails on one it cannot fill.
  expect(seed.expected.length).toBeGreaterThan(40);
  expect(seed.fields.map((each) => `${each.resource}.${each.name}`).sort()).toEqual([...seed.expected].sort());
  for (const each of seed.fields) {
    if (each.kind === "url") {
      // A javascript: link is refused by validation, with a message next to the field.
      expect(each.refused, `${each.resource}.${each.name}`).toEqual([expect.stringMatching(/https?:\/\//)]);
    }
    // Stored verbatim unless validation refused it; a refused value was replaced and is checked the same way.
    if (!each.refused) expect(each.stored.length, `${each.resource}.${each.name} stored`).toBeGreaterThan(0);
    if (!each.refused) expect(each.stored.join("\n"), `${each.resource}.${each.name}`).toContain(XSS_BINDING);
  }
});

test("public pages show the hostile text as text and run none of it", async ({ browser }) => {
  test.setTimeout(300_000);
  const context = await browser.newContext();
  await watch(context);
  const page = await context.newPage();
  const { prisoner, court, lawyer, facility } = seed.slugs;
  const search = encodeURIComponent(hostilePrefix(field("prisoners", "fullName").token));
  const paths = [
    "/",
    "/az",
    "/ru",
    "/prisoners",
    `/prisoners?q=${search}`,
    `/az/prisoners?q=${search}`,
    `/ru/prisoners?q=${search}`,
    `/prisoners/${prisoner}`,
    `/az/prisoners/${prisoner}`,
    `/ru/prisoners/${prisoner}`,
    `/prisoners/${prisoner}/changes`,
    `/ru/prisoners/${prisoner}/changes`,
    "/courts",
    `/courts/${court}`,
    `/az/courts/${court}`,
    "/lawyers",
    `/lawyers/${lawyer}`,
    `/ru/lawyers/${lawyer}`,
    "/facilities",
    `/facilities/${facility}`,
    `/az/facilities/${facility}`,
    "/statistics",
    "/ru/statistics",
    "/embed/count",
  ];
  for (const path of paths) await visit(page, path, true);

  // Where a record is the page's subject, its heading is exactly the stored text.
  for (const [path, stored] of [
    [`/prisoners/${prisoner}`, field("prisoners", "fullName").stored[0]],
    [`/courts/${court}`, field("courts", "name").stored[0]],
    [`/lawyers/${lawyer}`, field("lawyers", "fullName").stored[0]],
    [`/facilities/${facility}`, field("facilities", "name").stored[0]],
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(stored);
  }
  await page.goto(`/prisoners/${prisoner}`);
  await expect(page.getByText(field("prisoners", "biography").stored[0], { exact: true })).toBeVisible();

  // The link-preview image is drawn from the hostile name and served as an image.
  const image = await page.request.get(`/prisoners/${prisoner}/opengraph-image`);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
  await context.close();
});

test("admin lists, forms, histories, preview and pickers show the hostile text as text and run none of it", async ({ browser }) => {
  test.setTimeout(420_000);
  const context = await browser.newContext();
  await watch(context);
  const page = await context.newPage();
  await page.goto(`/sign-in?next=${encodeURIComponent("/admin/records")}`);
  await page.getByLabel("Email").fill(EDITOR);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/records$/);
  await inspect(page, "/admin/records", false);

  for (const [resource, id] of Object.entries(seed.ids)) {
    await visit(page, `/admin/${resource}?q=Hx`, false);
    await visit(page, `/admin/${resource}/${id}`, false);
    await visit(page, `/admin/${resource}/${id}/history`, false);
  }
  await visit(page, `/admin/prisoners/${seed.ids.prisoners}/preview`, false);
  await visit(page, `/admin/prisoners/${seed.ids.prisoners}/portrait`, false);

  // Pickers draw their options in the browser from the lookup API.
  const personName = field("prisoners", "fullName").stored[0];
  const courtName = field("courts", "name").stored[0];
  await visit(page, "/admin/hearings/new", false);
  await page.getByRole("combobox", { name: "Prisoner" }).fill(hostilePrefix(field("prisoners", "fullName").token));
  // (Once per screen size: an earlier run's archived records may carry the same name.)
  await expect(page.getByRole("option", { name: personName }).first()).toBeVisible();
  await inspect(page, "/admin/hearings/new (person picker)", false);
  await page.getByLabel("Court", { exact: true }).fill(hostilePrefix(field("courts", "name").token));
  await inspect(page, "/admin/hearings/new (court)", false);

  await visit(page, "/admin/judges/new", false);
  await page.getByRole("combobox", { name: "Court" }).fill(hostilePrefix(field("courts", "name").token));
  await expect(page.getByRole("option", { name: courtName }).first()).toBeVisible();
  await inspect(page, "/admin/judges/new (court picker)", false);

  await visit(page, "/admin/decrees/new", false);
  await context.close();
});

// ---------------------------------------------------------------------------------------------
// Feeds, calendars, citations and exports: parsed, their text is the stored text

const RAW_MARKUP = /<(svg|script|img|iframe)[\s>/]/i;

async function fetchText(request: APIRequestContext, path: string, type: RegExp) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()["content-type"], path).toMatch(type);
  return response.text();
}

/** Every string in a parsed document, with the type attribute of the element holding it. */
function strings(node: unknown, type: string | undefined, out: { value: string; type?: string }[]) {
  if (typeof node === "string") out.push({ value: node, type });
  else if (Array.isArray(node)) for (const item of node) strings(item, type, out);
  else if (node && typeof node === "object") {
    const record = node as Record<string, unknown>;
    const own = typeof record["@_type"] === "string" ? (record["@_type"] as string) : type;
    for (const [key, value] of Object.entries(record)) if (!key.startsWith("@_")) strings(value, key === "content_html" ? "html" : own, out);
  }
  return out;
}

test("feeds, calendars, citations and the CSV carry the hostile text escaped", async ({ request }) => {
  const { prisoner, court } = seed.slugs;
  const name = field("prisoners", "fullName").stored[0];
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", textNodeName: "#text" });
  const carried: string[] = [];

  for (const path of [`/feeds/prisoners/${prisoner}/events.atom`, `/feeds/prisoners/${prisoner}/changes.atom`, `/feeds/courts/${court}/events.atom`, "/feeds/events.atom"]) {
    // A type a browser would render as markup (text/html, application/xhtml+xml, image/svg+xml) would run the text.
    const body = await fetchText(request, path, /^application\/atom\+xml/);
    expect(XMLValidator.validate(body), path).toBe(true);
    for (const { value, type } of strings(xml.parse(body), undefined, [])) {
      // HTML content is markup a feed reader renders: the hostile text must be escaped inside it.
      if (type === "html" || type === "xhtml") expect(value, `${path} html content`).not.toMatch(RAW_MARKUP);
      if (value.includes(XSS_BINDING)) carried.push(path);
    }
  }
  for (const path of [`/feeds/prisoners/${prisoner}/events.json`, `/feeds/courts/${court}/events.json`, "/feeds/events.json", `/feeds/prisoners/${prisoner}/cite.json`, `/api/v1/prisoners/${prisoner}`]) {
    const body = await fetchText(request, path, /^application\/(feed\+|vnd\.citationstyles\.csl\+)?json/);
    for (const { value, type } of strings(JSON.parse(body), undefined, [])) {
      if (type === "html") expect(value, `${path} content_html`).not.toMatch(RAW_MARKUP);
      if (value.includes(XSS_BINDING)) carried.push(path);
    }
  }
  const profile = JSON.parse(await fetchText(request, `/api/v1/prisoners/${prisoner}`, /^application\/json/));
  expect(profile.fullName ?? profile.data?.fullName).toBe(name);

  const bib = await fetchText(request, `/feeds/prisoners/${prisoner}/cite.bib`, /^(application\/x-bibtex|text\/x-bibtex|text\/plain)/);
  // BibTeX escapes what it must (\_); read back by a BibTeX parser, the title is the stored name.
  // (citation-js does not recognise entries whose key is over 100 characters, as a long slug
  // makes them: the keys are shortened for the parser, the fields are read as served.)
  let entry = 0;
  const items = (await Cite.async(bib.replace(/^@misc\{[^,]+,/gm, () => `@misc{entry${(entry += 1)},`))).data as { title: string }[];
  expect(items.length).toBeGreaterThan(0);
  expect(items.some((item) => item.title.startsWith(name))).toBe(true);

  const ics = await fetchText(request, `/feeds/prisoners/${prisoner}/hearings.ics`, /^text\/calendar/);
  expect(() => ICAL.parse(ics), "the calendar parses").not.toThrow();

  const csv = parseCsv(await fetchText(request, "/api/v1/export/prisoners.csv", /^text\/csv/), { columns: true, bom: true }) as Record<string, string>[];
  const row = csv.find((each) => Object.values(each).includes(name));
  expect(row, "the CSV holds the hostile name as one cell").toBeDefined();

  expect(new Set(carried).size, `hostile text carried by: ${[...new Set(carried)].join(", ")}`).toBeGreaterThanOrEqual(6);
});

test("nothing ran, every stored value was shown as text, and private fields only in the workspace", () => {
  expect(incidents).toEqual([]);
  expect(shown.length).toBeGreaterThan(60);
  const missing: string[] = [];
  const leaked: string[] = [];
  for (const each of seed.fields) {
    for (const value of each.stored) {
      const pages = shown.filter((page) => page.text.includes(value));
      if (pages.length === 0) missing.push(`${each.resource}.${each.name}: ${value.slice(0, 40)}`);
      const publicPages = pages.filter((page) => page.publicPage).map((page) => page.label);
      if (each.private && publicPages.length > 0) leaked.push(`${each.resource}.${each.name} on ${publicPages.join(", ")}`);
    }
  }
  expect(missing).toEqual([]);
  expect(leaked).toEqual([]);
  // The public site itself shows hostile text from most kinds of record, not only the workspace.
  const publicText = shown.filter((page) => page.publicPage).map((page) => page.text).join("\n");
  const publicFields = seed.fields.filter((each) => !each.private && each.stored.some((value) => publicText.includes(value)));
  expect(publicFields.length).toBeGreaterThan(15);
});
