import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { DEMO_PASSWORD } from "../prisma/seed/demo-users";

/**
 * Signing in and out, the one answer to bad credentials, an admin adding a user whose link
 * works, and a disabled user's session ending at their next request. Demo users come from
 * the demo seed; users made here have unique emails, so the phone and desktop runs do not meet.
 */
const ADMIN = "admin@demo.habeas.example";
const EDITOR = "editor@demo.habeas.example";

async function signIn(page: Page, email: string, password: string, next?: string) {
  await page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function newPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  return context.newPage();
}

test("the demo editor signs in and out, and a copy of the session cookie dies with it", async ({ page, context, request }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await signIn(page, EDITOR, DEMO_PASSWORD, "/admin");
  await expect(page.getByRole("heading", { level: 1, name: "Workspace" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Workspace" });
  await expect(nav.getByText("Demo Editor (Editor)")).toBeVisible();
  await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);

  // The cookie as someone with the machine for a minute could copy it: it opens the workspace.
  const cookie = (await context.cookies()).find((candidate) => candidate.name.endsWith("next-auth.session-token"))!;
  const copied = { headers: { cookie: `${cookie.name}=${cookie.value}` }, maxRedirects: 0 };
  expect((await request.get("/admin/account", copied)).status()).toBe(200);

  await nav.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/admin/account");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin%2Faccount$/);
  // Signing out ended the session itself, not only this browser's cookie.
  const after = await request.get("/admin/account", copied);
  expect(after.status()).toBe(307);
  expect(after.headers().location).toMatch(/\/sign-in\?next=%2Fadmin%2Faccount$/);
});

test("a wrong password and an unknown email get the same answer", async ({ page }) => {
  await signIn(page, EDITOR, "not the demo password");
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toHaveText("The email or password is not correct.");
  const wrongPassword = await alert.textContent();

  await signIn(page, `nobody-${randomBytes(4).toString("hex")}@demo.habeas.example`, DEMO_PASSWORD);
  await expect(alert).toHaveText(wrongPassword!);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
  await signIn(page, EDITOR, DEMO_PASSWORD);
  await expect(page.getByRole("heading", { level: 1, name: "Workspace" })).toBeVisible();
  const cookie = (await context.cookies()).find((item) => item.name.endsWith("next-auth.session-token"));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

/** The admin adds a user; returns the one-time link's path. */
async function addUser(page: Page, email: string, name: string, role: string): Promise<string> {
  await signIn(page, ADMIN, DEMO_PASSWORD, "/admin/users");
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Role", { exact: true }).selectOption(role);
  await page.getByRole("button", { name: "Add user" }).click();
  const link = page.getByTestId("password-link");
  await expect(link).toContainText("/set-password/");
  return new URL((await link.textContent())!.trim()).pathname;
}

async function setPassword(page: Page, linkPath: string, email: string, password: string) {
  await page.goto(linkPath);
  await expect(page.getByText(email)).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("Repeat the new password").fill(password);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("Your password is set.")).toBeVisible();
}

test("an admin adds a user, whose one-time link sets a password that signs in; disabling ends their session", async ({
  page,
  browser,
  baseURL,
}) => {
  const email = `new-${randomBytes(4).toString("hex")}@example.org`;
  const password = `long password ${randomBytes(4).toString("hex")}`;
  const linkPath = await addUser(page, email, "New Colleague", "CONTRIBUTOR");

  // The colleague, in their own browser.
  const colleague = await newPage(browser, baseURL);
  await setPassword(colleague, linkPath, email, password);
  await colleague.goto(linkPath);
  await expect(colleague.getByText("This link has expired or was already used.")).toBeVisible();

  await signIn(colleague, email, password);
  await expect(colleague.getByRole("heading", { level: 1, name: "Workspace" })).toBeVisible();
  await expect(colleague.getByText("New Colleague (Contributor)")).toBeVisible();

  // The admin disables them: their next request finds them signed out.
  await page.reload();
  const entry = page.getByRole("listitem", { name: email });
  await entry.getByRole("button", { name: "Disable" }).click();
  await expect(entry.getByText(/is disabled; their sessions have ended/)).toBeVisible();

  await colleague.goto("/admin/account");
  await expect(colleague).toHaveURL(/\/sign-in\?next=/);
  await signIn(colleague, email, password);
  await expect(colleague.getByRole("main").getByRole("alert")).toHaveText("The email or password is not correct.");
  await colleague.context().close();
});

test("an editor turns on two-step sign-in; sign-in then asks for the code", async ({ page, browser, baseURL }) => {
  const email = `two-step-${randomBytes(4).toString("hex")}@example.org`;
  const password = `long password ${randomBytes(4).toString("hex")}`;
  const linkPath = await addUser(page, email, "Careful Editor", "EDITOR");
  const editor = await newPage(browser, baseURL);
  await setPassword(editor, linkPath, email, password);

  await signIn(editor, email, password, "/admin/account");
  await expect(editor.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(editor.getByRole("img", { name: /QR code/ })).toBeVisible();
  const secret = (await editor.getByTestId("totp-secret").textContent())!.trim();
  const totp = new TOTP({ secret: Secret.fromBase32(secret) });
  await editor.getByRole("textbox", { name: "Code" }).fill(totp.generate());
  await editor.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(editor.getByText("Two-step sign-in is on.")).toBeVisible();

  await editor.getByRole("navigation", { name: "Workspace" }).getByRole("button", { name: "Sign out" }).click();
  await expect(editor).toHaveURL(/\/sign-in$/);
  await signIn(editor, email, password);
  await expect(editor.getByRole("main").getByRole("alert")).toHaveText("Enter the six-digit code from your authenticator app.");
  await editor.getByRole("textbox", { name: "Code" }).fill("000000" === totp.generate() ? "111111" : "000000");
  await editor.getByRole("button", { name: "Sign in" }).click();
  await expect(editor.getByRole("main").getByRole("alert")).toHaveText("The email, password or code is not correct.");
  // A code is good once: the one that turned two-step sign-in on may still be current, so sign
  // in with the next one, as an authenticator a few seconds ahead would show it.
  await editor.getByRole("textbox", { name: "Code" }).fill(totp.generate({ timestamp: Date.now() + 30_000 }));
  await editor.getByRole("button", { name: "Sign in" }).click();
  await expect(editor.getByRole("heading", { level: 1, name: "Workspace" })).toBeVisible();
  await editor.context().close();
});

test("a viewer cannot open the users page", async ({ page }) => {
  await signIn(page, "viewer@demo.habeas.example", DEMO_PASSWORD);
  await expect(page.getByRole("heading", { level: 1, name: "Workspace" })).toBeVisible();
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(404);
});

test("sign-in and the users page have no accessibility violations", async ({ page }) => {
  await page.goto("/sign-in");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await signIn(page, ADMIN, DEMO_PASSWORD, "/admin/users");
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.goto("/admin/account");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
