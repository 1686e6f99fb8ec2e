import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import { disconnect, prisma } from "@/lib/db/client";
import { entryPoints, type Caller, type EntryPointRow, type FormInput } from "@/scripts/test-support/entry-points";
import { createTestUser, sessionTokenFor } from "@/scripts/test-support/users";

/**
 * Security item 1: every mutation checks the session and the role itself. This test finds
 * every entry point that can change something (exported functions of "use server" modules,
 * POST/PUT/PATCH/DELETE route handlers under app/), requires a row for each in
 * scripts/test-support/entry-points.ts (how to add one is written there), and calls each as
 * anonymous, viewer, contributor, editor and admin:
 *   - a refused call answers 401 or 403 and leaves every row of every table as it was;
 *   - an allowed call succeeds and writes an audit entry by that user.
 *
 * Server actions are called as functions, the way Next.js calls them after decoding the
 * request. Only the request plumbing is replaced: next/headers' cookies() serves a real
 * next-auth session token (encrypted with NEXTAUTH_SECRET, as the browser would send it), so
 * the actions' own currentUser() decodes and re-checks it against the real database; and
 * next/cache's revalidation, which needs a live Next.js server, does nothing.
 */
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
  }),
  headers: async () => new Headers({ host: "localhost:3000", origin: "http://localhost:3000" }),
}));
vi.mock("next/cache", () => ({
  revalidatePath: () => {},
  revalidateTag: () => {},
  updateTag: () => {},
  refresh: () => {},
}));

const { sessionCookieName } = await import("@/lib/auth/options");

const ROOTS = ["app", "components", "lib"];
const MUTATING = ["POST", "PUT", "PATCH", "DELETE"] as const;

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The directive must be the module's first statement (comments may precede it). */
function isServerModule(source: string): boolean {
  const withoutComments = source.replace(/^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*/, "");
  return /^["']use server["']/.test(withoutComments);
}

async function discover(): Promise<{ actions: Map<string, (...args: unknown[]) => Promise<unknown>>; routes: Map<string, string>; inline: string[] }> {
  const actions = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  const routes = new Map<string, string>();
  const inline: string[] = [];
  for (const file of ROOTS.flatMap(sourceFiles)) {
    const source = fs.readFileSync(file, "utf8");
    const relative = file.split(path.sep).join("/");
    if (isServerModule(source)) {
      const loaded = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(loaded)) {
        if (typeof value === "function") actions.set(`${relative}#${name}`, value as (...args: unknown[]) => Promise<unknown>);
      }
    } else if (/^\s*["']use server["'];?\s*$/m.test(source)) {
      inline.push(relative);
    }
    if (/(^|\/)route\.tsx?$/.test(relative) && relative.startsWith("app/")) {
      for (const method of MUTATING) {
        const exported = new RegExp(
          `export\\s+(async\\s+)?(function|const|let)\\s+${method}\\b|export\\s*\\{[^}]*\\b${method}\\b[^}]*\\}`,
        );
        if (exported.test(source)) routes.set(`${relative}#${method}`, relative);
      }
    }
  }
  return { actions, routes, inline };
}

const found = await discover();
const CALLERS: (Role | "ANONYMOUS")[] = ["ANONYMOUS", "VIEWER", "CONTRIBUTOR", "EDITOR", "ADMIN"];
const RANK: Record<Role, number> = { VIEWER: 1, CONTRIBUTOR: 2, EDITOR: 3, ADMIN: 4 };

/** A fingerprint of every table: its rows, in full, hashed. Any insert, update or delete shows. */
async function databaseFingerprint(): Promise<Record<string, string>> {
  const tables = await prisma.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    const [row] = await prisma.$queryRawUnsafe<{ digest: string }[]>(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${quoted} t`,
    );
    result[name] = row.digest;
  }
  return result;
}

/** Signs a fresh user of this role in (a real session cookie), or signs out for anonymous. */
async function actAs(role: Role | "ANONYMOUS"): Promise<Caller> {
  jar.clear();
  if (role === "ANONYMOUS") return null;
  const user = await createTestUser(role, `caller-${role.toLowerCase()}`);
  jar.set(sessionCookieName(), await sessionTokenFor(user));
  return { id: user.id, email: user.email, role };
}

function formData(input: FormInput): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(input)) {
    for (const item of Array.isArray(value) ? value : [value]) form.append(key, item);
  }
  return form;
}

type Outcome = { code: number; ok: boolean };

/** Calls one entry point; a redirect thrown by an action counts as success (303). */
async function call(key: string, row: EntryPointRow, input: FormInput, caller: Caller): Promise<Outcome> {
  const action = found.actions.get(key);
  try {
    if (action) {
      const state = (await action({ status: "idle" }, formData(input))) as { status: string; code?: number };
      return state.status === "ok" ? { code: 200, ok: true } : { code: state.code ?? 500, ok: false };
    }
    const [file, method] = key.split("#");
    const loaded = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, (...args: unknown[]) => Promise<Response>>;
    const url = "http://localhost:3000/";
    const request =
      "request" in row && row.request
        ? await row.request(caller, url)
        : new Request(url, {
            method,
            headers: {
              "content-type": "application/json",
              origin: "http://localhost:3000",
              cookie: [...jar].map(([name, value]) => `${name}=${value}`).join("; "),
            },
            body: JSON.stringify(input),
          });
    const response = await loaded[method](request, { params: Promise.resolve({}) });
    return { code: response.status, ok: response.ok };
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return { code: 303, ok: true };
    throw error;
  }
}

async function auditEntriesBy(userId: string | null, sinceId: bigint) {
  return prisma.auditEntry.count({ where: { id: { gt: sinceId }, ...(userId ? { actorId: userId } : {}) } });
}

async function lastAuditId(): Promise<bigint> {
  const last = await prisma.auditEntry.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? 0n;
}

beforeAll(() => {
  expect(found.actions.size).toBeGreaterThan(0);
});
afterAll(disconnect);

describe("every entry point that changes something", () => {
  it("is a module-level server action or a route handler, never an inline \"use server\" function", () => {
    expect(found.inline).toEqual([]);
  });

  it("has a row in the table, and every row names an entry point that exists", () => {
    const discovered = [...found.actions.keys(), ...found.routes.keys()].sort();
    expect(discovered.filter((key) => !(key in entryPoints))).toEqual([]);
    expect(Object.keys(entryPoints).filter((key) => !discovered.includes(key))).toEqual([]);
  });

  for (const [key, row] of Object.entries(entryPoints)) {
    if (row.minimum === "public") {
      it(`${key} is public by design (covered by ${row.coveredBy})`, () => {
        expect(fs.existsSync(row.coveredBy)).toBe(true);
      });
      continue;
    }

    it(`${key}: refused below ${row.minimum} with nothing changed, audited when allowed`, async () => {
      for (const role of CALLERS) {
        const caller = await actAs(role);
        const allowed = row.minimum !== "token" && role !== "ANONYMOUS" && RANK[role] >= RANK[row.minimum];
        const input = row.minimum === "token" ? await row.refusedInput(caller) : await row.input(caller);
        const before = await databaseFingerprint();
        const since = await lastAuditId();
        const outcome = await call(key, row, input, caller);
        if (allowed) {
          expect(outcome, `${key} as ${role}`).toMatchObject({ ok: true });
          expect(await auditEntriesBy(caller!.id, since), `${key} as ${role} audited`).toBeGreaterThan(0);
        } else {
          const expected = row.minimum === "token" ? [400, 404] : role === "ANONYMOUS" ? [401] : [403];
          expect(expected, `${key} as ${role} answered ${outcome.code}`).toContain(outcome.code);
          expect(await databaseFingerprint(), `${key} as ${role} changed nothing`).toEqual(before);
        }
      }
      if (row.minimum === "token") {
        // With the right secret, anyone (no session needed) succeeds, and it is audited.
        const caller = await actAs("ANONYMOUS");
        const input = await row.input(caller);
        const since = await lastAuditId();
        expect(await call(key, row, input, caller)).toMatchObject({ ok: true });
        expect(await auditEntriesBy(null, since)).toBeGreaterThan(0);
      }
    });
  }
});
