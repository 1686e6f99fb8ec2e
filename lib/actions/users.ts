import "server-only";
import { actorOf } from "../auth/user";
import {
  changeOwnPassword,
  changeRole,
  createUser,
  disableTotp,
  enableTotp,
  issuePasswordLink,
  passwordLinkPath,
  setDisabled,
  setPasswordWithToken,
} from "../data/users";
import {
  changePasswordInput,
  changeRoleInput,
  createUserInput,
  disableTotpInput,
  enableTotpInput,
  passwordLinkInput,
  setDisabledInput,
  setPasswordInput,
} from "../validation/user";
import { roleLabels } from "../auth/permissions";
import { defineAction, defineTokenAction } from "./define";

/** Admins manage users. Each change is audited; role changes and disabling end sessions. */
export const createUserAction = defineAction({
  name: "user.create",
  permission: "manage:users",
  input: createUserInput,
  run: async (user, input) => {
    const created = await createUser(actorOf(user), input);
    return { id: created.id, email: created.email, link: passwordLinkPath(created.token) };
  },
  success: (result) => `Added ${result.email}. Give them the one-time link below to set their password.`,
});

export const changeRoleAction = defineAction({
  name: "user.change-role",
  permission: "manage:users",
  input: changeRoleInput,
  run: (user, input) => changeRole(user, input),
  success: (result) => `${result.email} is now ${roleLabels[result.role].toLowerCase()}; their sessions have ended.`,
});

export const setDisabledAction = defineAction({
  name: "user.set-disabled",
  permission: "manage:users",
  input: setDisabledInput,
  run: (user, input) => setDisabled(user, input),
  success: (result) =>
    result.disabled ? `${result.email} is disabled; their sessions have ended.` : `${result.email} can sign in again.`,
});

export const passwordLinkAction = defineAction({
  name: "user.password-link",
  permission: "manage:users",
  input: passwordLinkInput,
  run: async (user, input) => {
    const issued = await issuePasswordLink(actorOf(user), input);
    return { email: issued.email, link: passwordLinkPath(issued.token) };
  },
  success: (result) => `A new one-time link for ${result.email}; earlier links no longer work.`,
});

/** Everyone signed in manages their own password and second factor. */
export const changePasswordAction = defineAction({
  name: "account.change-password",
  permission: "read:private",
  input: changePasswordInput,
  run: (user, input) => changeOwnPassword(user, input),
  sensitive: ["current", "password", "confirm"],
  success: () => "Password changed. Sign in again with the new password.",
});

export const enableTotpAction = defineAction({
  name: "account.enable-totp",
  permission: "read:private",
  input: enableTotpInput,
  run: (user, input) => enableTotp(user, input),
  sensitive: ["sealedSecret", "code"],
  success: () => "Two-step sign-in is on. From now on, sign-in asks for a code from your app.",
});

export const disableTotpAction = defineAction({
  name: "account.disable-totp",
  permission: "read:private",
  input: disableTotpInput,
  run: (user, input) => disableTotp(user, input),
  sensitive: ["current"],
  success: () => "Two-step sign-in is off.",
});

export const setPasswordAction = defineTokenAction({
  name: "account.set-password",
  input: setPasswordInput,
  run: (input) => setPasswordWithToken(input.token, input.password),
  sensitive: ["token", "password", "confirm"],
  success: () => "Your password is set. You can sign in now.",
});
