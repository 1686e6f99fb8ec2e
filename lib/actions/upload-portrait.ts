import "server-only";
import { can } from "../auth/permissions";
import { actorOf } from "../auth/user";
import { savePortrait } from "../data/portraits";
import { portraitInput } from "../validation/portrait";
import { defineAction } from "./define";

/**
 * Uploads (or replaces) a person's portrait. An editor's is published at once; a
 * contributor's is a draft until an editor publishes it.
 */
export const uploadPortraitAction = defineAction({
  name: "portrait.upload",
  permission: "write:draft",
  input: portraitInput,
  run: (user, input) => savePortrait(actorOf(user), input, { publish: can(user.role, "publish") }),
  success: (result) => (result.state === "PUBLISHED" ? "Portrait saved and published." : "Portrait saved as a draft."),
});
