import "server-only";
import { actorOf } from "../auth/user";
import { saveDecree } from "../data/decrees";
import { decreeInput } from "../validation/decree";
import { defineAction } from "./define";

/**
 * Records a pardon or amnesty decree and releases everyone it freed. It closes published
 * custody periods and so changes the public count at once: only someone who may publish can.
 */
export const recordDecreeAction = defineAction({
  name: "decree.record",
  permission: "publish",
  input: decreeInput,
  run: (user, input) => saveDecree(actorOf(user), input),
  success: (result) => (result.freed === 1 ? "Decree saved; 1 person released." : `Decree saved; ${result.freed} people released.`),
});
