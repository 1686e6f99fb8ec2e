import type { Transaction } from "../../lib/db/client";
import type { Role } from "../../lib/auth/permissions";
import { seedActor } from "../../lib/data/audit";
import { createUserWithPassword } from "../../lib/data/users";

/**
 * The demo database's sign-ins, one per role. They exist only in the demo data set (never in
 * a database set up with `npm run user:create`), and README.md publishes their password:
 * whoever runs the demo can try every role. A real deployment starts without them.
 */
export const DEMO_PASSWORD = "demo-habeas-2014";

export const DEMO_USERS: readonly { email: string; name: string; role: Role }[] = [
  { email: "admin@demo.habeas.example", name: "Demo Admin", role: "ADMIN" },
  { email: "editor@demo.habeas.example", name: "Demo Editor", role: "EDITOR" },
  { email: "contributor@demo.habeas.example", name: "Demo Contributor", role: "CONTRIBUTOR" },
  { email: "viewer@demo.habeas.example", name: "Demo Viewer", role: "VIEWER" },
];

/** Creates the demo users that are missing; running it again changes nothing. */
export async function seedDemoUsers(tx: Transaction): Promise<number> {
  let created = 0;
  for (const user of DEMO_USERS) {
    const existing = await tx.user.findUnique({ where: { email: user.email }, select: { id: true } });
    if (existing) continue;
    await createUserWithPassword(tx, seedActor, { ...user, password: DEMO_PASSWORD });
    created += 1;
  }
  return created;
}
