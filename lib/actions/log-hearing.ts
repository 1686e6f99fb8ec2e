import "server-only";
import { can } from "../auth/permissions";
import { actorOf } from "../auth/user";
import { saveHearingLog, type LoggedHearing } from "../data/hearing-log";
import { hearingLogInput } from "../validation/hearing-log";
import { defineAction } from "./define";

/**
 * Logs a hearing with its motions and result in one go. A contributor's hearing is saved as a
 * draft; an editor's is published at once, so the public timeline (and, for a release, the
 * count) follows on save.
 */
export const logHearingAction = defineAction({
  name: "hearing.log",
  permission: "write:draft",
  input: hearingLogInput,
  run: (user, input): Promise<LoggedHearing> =>
    saveHearingLog(actorOf(user), input, { publish: can(user.role, "publish") }),
  success: (result) =>
    result.state === "PUBLISHED" ? "Hearing saved and published." : "Hearing saved as a draft for an editor to publish.",
});
