import fs from "node:fs";
import os from "node:os";
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
 *   - an allowed call succeeds and writes an audit entry by that user (or, for an action that
 *     only reads, changes nothing at all);
 *   - every entry point called cross-site (another site's Origin) or without an Origin, even by
 *     an admin (or, for a one-time link, with the right secret), is refused with 403 and
 *     changes nothing (security item 7).
 * An action with bound arguments is called once per variant its row lists, with every role.
 *
 * Server actions are called as functions, the way Next.js calls them after decoding the
 * request. Only the request plumbing is replaced: next/headers' headers() gives the Host and the
 * Origin of the call (the site's own unless the test says otherwise), and cookies() serves a real
 * next-auth session token (encrypted with NEXTAUTH_SECRET, as the browser would send it), so
 * the actions' own currentUser() decodes and re-checks it against the real database; and
 * next/cache's revalidation, which needs a live Next.js server, does nothing.
 */
const jar = new Map<string, string>();
/** The Origin of the request an action is called in (null: none sent); set per call. */
const request = { origin: null as string | null };
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
  }),
  headers: async () => new Headers({ host: "localhost:3000", ...(request.origin === null ? {} : { origin: request.origin }) }),
}));
vi.mock("next/cache", () => ({
  revalidatePath: () => {},
  revalidateTag: () => {},
  updateTag: () => {},
  refresh: () => {},
}));

const { sessionCookieName } = await import("@/lib/auth/options");

// The calls come from http://localhost:3000, the site itself, whatever public address the shell sets.
delete process.env.HABEAS_PUBLIC_URL;

// Portraits uploaded by the test are stored in a directory of its own, removed afterwards.
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), "habeas-entry-points-"));
process.env.HABEAS_MEDIA_DIR = mediaDir;

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

/** One way to call an entry point: a row, or one variant (bound arguments) of a row. */
type Case = {
  key: string;
  label: string;
  bound: string[];
  minimum: Role | "token";
  input: (caller: Caller) => Promise<FormInput>;
  refusedInput?: (caller: Caller) => Promise<FormInput>;
  args?: (form: FormData, input: FormInput) => unknown[];
  request?: (caller: Caller, url: string, origin: string | null) => Promise<Request>;
  writesNothing: boolean;
};

function casesOf(key: string, row: EntryPointRow): Case[] {
  if ("variants" in row) {
    return row.variants.map((variant) => ({
      key,
      label: `${key}(${variant.bound.join(", ")})${variant.when ? ` on ${variant.when}` : ""}`,
      bound: variant.bound,
      minimum: variant.minimum,
      input: variant.input,
      args: row.args,
      writesNothing: false,
    }));
  }
  if (row.minimum === "public") return [];
  if (row.minimum === "token") {
    return [{ key, label: key, bound: [], minimum: "token", input: row.input, refusedInput: row.refusedInput, writesNothing: false }];
  }
  return [
    {
      key,
      label: key,
      bound: [],
      minimum: row.minimum,
      input: row.input,
      args: row.args,
      request: row.request,
      writesNothing: row.writesNothing ?? false,
    },
  ];
}

const SITE = "http://localhost:3000";

/** A route's outcome: its status, or for a streamed answer (NDJSON) the action state it ends with. */
async function routeOutcome(response: Response): Promise<Outcome> {
  if (!response.ok || !response.headers.get("content-type")?.startsWith("application/x-ndjson")) {
    await response.body?.cancel();
    return { code: response.status, ok: response.ok };
  }
  const lines = (await response.text()).split("\n").filter(Boolean);
  const last = JSON.parse(lines.at(-1) ?? "{}") as { state?: { status: string; code?: number } };
  if (!last.state) return { code: 500, ok: false };
  return last.state.status === "ok" ? { code: 200, ok: true } : { code: last.state.code ?? 500, ok: false };
}

/** Calls one entry point; a redirect thrown by an action counts as success (303). */
async function call(entry: Case, input: FormInput, caller: Caller, origin: string | null = SITE): Promise<Outcome> {
  const action = found.actions.get(entry.key);
  request.origin = origin;
  try {
    if (action) {
      const form = formData(input);
      const rest = entry.args ? entry.args(form, input) : [{ status: "idle" }, form];
      const state = (await action(...entry.bound, ...rest)) as { status: string; code?: number };
      return state.status === "ok" ? { code: 200, ok: true } : { code: state.code ?? 500, ok: false };
    }
    const [file, method] = entry.key.split("#");
    const loaded = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, (...args: unknown[]) => Promise<Response>>;
    const url = `${SITE}/`;
    const built = entry.request
      ? await entry.request(caller, url, origin)
      : new Request(url, {
          method,
          headers: {
            "content-type": "application/json",
            host: new URL(url).host,
            ...(origin === null ? {} : { origin }),
            cookie: [...jar].map(([name, value]) => `${name}=${value}`).join("; "),
          },
          body: JSON.stringify(input),
        });
    return routeOutcome(await loaded[method](built, { params: Promise.resolve({}) }));
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
afterAll(async () => {
  await disconnect();
  fs.rmSync(mediaDir, { recursive: true, force: true });
});

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
    if ("minimum" in row && row.minimum === "public") {
      it(`${key} is public by design (covered by ${row.coveredBy})`, () => {
        expect(fs.existsSync(row.coveredBy)).toBe(true);
      });
      continue;
    }

    if ("variants" in row && row.variants.some((variant) => variant.bound.length > 0)) {
      it(`${key}: refuses bound values its row does not list, changing nothing`, async () => {
        // Even for an admin: a kind of record (or change) not in the table is not a way in.
        const [first] = row.variants;
        const caller = await actAs("ADMIN");
        const input = await first.input(caller);
        const before = await databaseFingerprint();
        const unlisted = { ...casesOf(key, row)[0], bound: first.bound.map(() => "users") };
        expect(await call(unlisted, input, caller)).toMatchObject({ ok: false, code: 404 });
        expect(await databaseFingerprint()).toEqual(before);
      });
    }

    for (const entry of casesOf(key, row)) {
      const what = entry.writesNothing ? "changes nothing when allowed" : "audited when allowed";
      it(`${entry.label}: refused below ${entry.minimum} with nothing changed, ${what}`, async () => {
        for (const role of CALLERS) {
          const caller = await actAs(role);
          const allowed = entry.minimum !== "token" && role !== "ANONYMOUS" && RANK[role] >= RANK[entry.minimum];
          const input = entry.refusedInput ? await entry.refusedInput(caller) : await entry.input(caller);
          const before = await databaseFingerprint();
          const since = await lastAuditId();
          const outcome = await call(entry, input, caller);
          if (allowed) {
            expect(outcome, `${entry.label} as ${role}`).toMatchObject({ ok: true });
            if (entry.writesNothing) {
              expect(await databaseFingerprint(), `${entry.label} as ${role} wrote nothing`).toEqual(before);
            } else {
              expect(await auditEntriesBy(caller!.id, since), `${entry.label} as ${role} audited`).toBeGreaterThan(0);
            }
          } else {
            const expected = entry.minimum === "token" ? [400, 404] : role === "ANONYMOUS" ? [401] : [403];
            expect(expected, `${entry.label} as ${role} answered ${outcome.code}`).toContain(outcome.code);
            expect(await databaseFingerprint(), `${entry.label} as ${role} changed nothing`).toEqual(before);
          }
        }
        if (entry.minimum === "token") {
          // With the right secret, anyone (no session needed) succeeds, and it is audited.
          const caller = await actAs("ANONYMOUS");
          const input = await entry.input(caller);
          const since = await lastAuditId();
          expect(await call(entry, input, caller)).toMatchObject({ ok: true });
          expect(await auditEntriesBy(null, since)).toBeGreaterThan(0);
        }
        // Another site's page posting with an admin's cookie, or a request without an Origin (no
        // browser sends a POST without one), is refused before anything happens. A one-time
        // link's action is tried with its right secret: the secret alone is not enough.
        for (const origin of ["https://elsewhere.example", "http://localhost:3001", "null", null]) {
          const caller = await actAs(entry.minimum === "token" ? "ANONYMOUS" : "ADMIN");
          const input = await entry.input(caller);
          const before = await databaseFingerprint();
          const what = `${entry.label} with Origin ${origin ?? "missing"}`;
          expect(await call(entry, input, caller, origin), what).toMatchObject({ ok: false, code: 403 });
          expect(await databaseFingerprint(), `${what} changed nothing`).toEqual(before);
        }
      });
    }
  }
});
