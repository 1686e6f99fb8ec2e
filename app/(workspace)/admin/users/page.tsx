import { AddUserForm, UserActions } from "@/components/admin/user-forms";
import { roleLabels } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listUsers } from "@/lib/data/users";
import { addUser, changeUserRole, issueUserPasswordLink, setUserDisabled } from "./actions";

export const metadata = { title: "Users" };

export default async function UsersPage() {
  const admin = await requireUser("/admin/users", "manage:users");
  const users = await listUsers();
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">Users</h1>
      <section aria-labelledby="add-user" className="mb-8">
        <h2 id="add-user" className="mb-2 text-xl font-semibold">
          Add a user
        </h2>
        <p className="mb-4 text-muted">
          The new user gets no password from you: you receive a one-time link for them to set their own.
        </p>
        <AddUserForm action={addUser} />
      </section>
      <section aria-labelledby="all-users">
        <h2 id="all-users" className="mb-2 text-xl font-semibold">
          Everyone with an account ({users.length})
        </h2>
        <p className="mb-4 text-muted">
          Changing a role or disabling a user ends their sessions at once; they sign in again.
        </p>
        <ul className="space-y-3">
          {users.map((user) => (
            <li key={user.id} className="rounded border border-stone-300 bg-white p-3" aria-label={user.email}>
              <p>
                <strong>{user.name}</strong> · {user.email}
              </p>
              <p className="text-sm text-muted">
                {roleLabels[user.role]}
                {user.disabled ? " · disabled" : ""}
                {user.hasPassword ? "" : " · has not set a password yet"}
                {user.twoFactor ? " · two-step sign-in on" : ""}
              </p>
              {user.id === admin.id ? (
                <p className="mt-2 text-sm text-muted">This is you: another admin changes your role or account.</p>
              ) : (
                <UserActions
                  key={user.id}
                  user={user}
                  actions={{ changeRole: changeUserRole, setDisabled: setUserDisabled, passwordLink: issueUserPasswordLink }}
                />
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
