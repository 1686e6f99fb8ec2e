/**
 * What each role may do. Every server action and mutating route checks one of these
 * permissions itself (lib/actions/perform.ts); nothing relies on the proxy alone.
 *
 *   admin        users and settings, and everything an editor does
 *   editor       create, edit, publish, archive and restore records
 *   contributor  create and edit drafts; cannot publish
 *   viewer       reads private fields; changes nothing
 */
export const roles = ["ADMIN", "EDITOR", "CONTRIBUTOR", "VIEWER"] as const;
export type Role = (typeof roles)[number];

export const permissions = ["read:private", "write:draft", "publish", "manage:users"] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<Role, readonly Permission[]> = {
  ADMIN: ["read:private", "write:draft", "publish", "manage:users"],
  EDITOR: ["read:private", "write:draft", "publish"],
  CONTRIBUTOR: ["read:private", "write:draft"],
  VIEWER: ["read:private"],
};

export function can(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}

export const roleLabels: Record<Role, string> = {
  ADMIN: "Admin",
  EDITOR: "Editor",
  CONTRIBUTOR: "Contributor",
  VIEWER: "Viewer",
};
