import { randomUUID } from "node:crypto";
import type { Role } from "../../lib/auth/permissions";
import type { SessionUser } from "../../lib/auth/user";
import { prisma } from "../../lib/db/client";

/** A user row of the given role, as the signed-in user of an action (performAction's `user`). */
export async function createUser(role: Role): Promise<SessionUser> {
  const email = `${role.toLowerCase()}-${randomUUID()}@test.invalid`;
  const user = await prisma.user.create({ data: { email, name: `Test ${role.toLowerCase()}`, role } });
  return { id: user.id, email: user.email, name: user.name, role };
}
