import type { Role } from "../../lib/auth/permissions";

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
