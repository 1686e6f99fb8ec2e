import type { Actor } from "../data/audit";
import type { Role } from "./permissions";

/** The signed-in user, as checked against the database on this request. */
export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
};

/** The audit log's "who" for a signed-in user. */
export function actorOf(user: SessionUser): Actor {
  return { kind: "user", userId: user.id, label: user.email };
}
