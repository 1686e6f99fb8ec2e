import "server-only";
import type { z } from "zod";
import type { RecordOption, ResourceKey, StateTransition } from "../admin/record-types";
import { resourceKeys } from "../admin/record-types";
import { can } from "../auth/permissions";
import { actorOf } from "../auth/user";
import { changeRecordState, createValidRecord, quickCreateRecord, updateValidRecord } from "../data/admin/engine";
import { adminResources } from "../data/admin/resources";
import { undoRelease } from "../data/custody";
import { quickCreateInput, stateChangeInput } from "../validation/fields";
import { defineAction, type ActionDefinition } from "./define";

/**
 * The admin's record actions, five per kind of record (plus "create new" from a picker for
 * courts, facilities and lawyers):
 *
 *   <record>.create       write:draft   new record, always a draft
 *   <record>.update       write:draft   edit at the version loaded; a published or archived
 *                                       record only with publish (contributors edit drafts)
 *   <record>.publish      publish       draft -> published
 *   <record>.archive      publish       draft or published -> archived (never deleted)
 *   <record>.restore      publish       archived -> draft
 *   <record>.quickCreate  write:draft   courts, facilities, lawyers: a draft with only a name
 *
 * Custody periods (custody.create = arrest, custody.update = release, or the correction of a
 * release already recorded; custody.undoRelease) need publish for every write: they change the
 * public count the moment they are saved.
 */

type Saved = { id: string; version: number };

export type RecordActionSet = {
  create: ActionDefinition<z.ZodType, Saved>;
  update: ActionDefinition<z.ZodType, Saved>;
  publish: ActionDefinition<z.ZodType, Saved>;
  archive: ActionDefinition<z.ZodType, Saved>;
  restore: ActionDefinition<z.ZodType, Saved>;
  quickCreate?: ActionDefinition<z.ZodType, RecordOption>;
};

const successMessages: Record<StateTransition, string> = {
  publish: "Published.",
  archive: "Archived. It no longer appears on the public site.",
  restore: "Restored as a draft.",
};

function stateAction(key: ResourceKey, transition: StateTransition): ActionDefinition<z.ZodType, Saved> {
  const resource = adminResources[key];
  return defineAction<z.ZodType, Saved>({
    name: `${key}.${transition}`,
    permission: "publish",
    // changeRecordState validates again at the data layer's door; the schema is idempotent.
    input: stateChangeInput as z.ZodType,
    run: (user, input) => changeRecordState(resource, actorOf(user), input, transition),
    success: () => successMessages[transition],
  });
}

function actionsFor(key: ResourceKey): RecordActionSet {
  const resource = adminResources[key];
  const writePermission = key === "custody" ? "publish" : "write:draft";
  return {
    create: defineAction({
      name: `${key}.create`,
      permission: writePermission,
      input: resource.createInput,
      run: (user, input) => createValidRecord(resource, actorOf(user), input),
      success: () => (key === "custody" ? "Saved." : "Saved as a draft."),
    }),
    update: defineAction({
      name: `${key}.update`,
      permission: writePermission,
      input: resource.updateInput,
      run: (user, input) =>
        updateValidRecord(resource, actorOf(user), input, { mayChangePublished: can(user.role, "publish") }),
      success: () => "Saved.",
    }),
    publish: stateAction(key, "publish"),
    archive: stateAction(key, "archive"),
    restore: stateAction(key, "restore"),
    quickCreate: resource.quickCreate
      ? defineAction({
          name: `${key}.quickCreate`,
          permission: "write:draft",
          input: quickCreateInput,
          run: (user, input) => quickCreateRecord(resource, actorOf(user), input.name),
          success: (option) => `Created ${option.label} as a draft.`,
        })
      : undefined,
  };
}

export const recordActions = Object.fromEntries(resourceKeys.map((key) => [key, actionsFor(key)])) as Record<
  ResourceKey,
  RecordActionSet
>;

/** Re-opens a custody period whose release was recorded by mistake (decision 0019). */
export const undoReleaseAction = defineAction({
  name: "custody.undoRelease",
  permission: "publish",
  input: stateChangeInput,
  run: (user, input) => undoRelease(actorOf(user), input),
  success: () => "Release undone: the custody period is open again.",
});
