import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import type { Role } from "../../lib/auth/permissions";
import type { SessionUser } from "../../lib/auth/user";
import { prisma } from "../../lib/db/client";
import { seedActor } from "../../lib/data/audit";
import { createUserWithPassword } from "../../lib/data/users";

export const TEST_PASSWORD = "correct horse battery staple";

/** A new user with a unique email; its password is TEST_PASSWORD. */
export async function createTestUser(role: Role, label = "user"): Promise<SessionUser & { sessionVersion: number }> {
  const email = `${label}-${randomBytes(5).toString("hex")}@test.habeas.example`;
  const { id } = await prisma.$transaction((tx) =>
    createUserWithPassword(tx, seedActor, { email, name: `Test ${label}`, role, password: TEST_PASSWORD }),
  );
  const user = await prisma.user.findUniqueOrThrow({ where: { id } });
  return { id, email, name: user.name, role, sessionVersion: user.sessionVersion };
}

/** The session cookie next-auth would set for this user: a real encrypted token. */
export async function sessionTokenFor(user: { id: string; email: string; name: string; sessionVersion: number }) {
  return encode({
    token: { sub: user.id, email: user.email, name: user.name, sv: user.sessionVersion },
    secret: process.env.NEXTAUTH_SECRET!,
  });
}

/** Rows in every table of the schema, by table name. */
export async function rowCounts(): Promise<Record<string, number>> {
  const tables = await prisma.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    const [row] = await prisma.$queryRawUnsafe<{ count: number }[]>(`SELECT count(*)::int AS count FROM ${quoted}`);
    counts[name] = row.count;
  }
  return counts;
}
