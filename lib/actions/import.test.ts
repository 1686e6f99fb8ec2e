import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../db/client";
import { createTestUser, rowCounts } from "../../scripts/test-support/users";
import type { SessionUser } from "../auth/user";
import { applyImportAction, previewImportAction, withImportProgress } from "./import";
import { performAction } from "./perform";

const token = randomUUID().slice(0, 8);
const csv = [
  "full_name,category,arrest_date,charges,place_of_detention,source_url",
  `Action Import ${token},,,221.3,,https://example.org/action-import`,
].join("\n");

let editor: SessionUser;
let contributor: SessionUser;
let viewer: SessionUser;
beforeAll(async () => {
  [editor, contributor, viewer] = await Promise.all([
    createTestUser("EDITOR", "import-editor"),
    createTestUser("CONTRIBUTOR", "import-contributor"),
    createTestUser("VIEWER", "import-viewer"),
  ]);
});

describe("the import actions", () => {
  it("refuse anyone without the publish permission, and write nothing", async () => {
    const before = await rowCounts();
    expect(await performAction(applyImportAction, null, { csv })).toMatchObject({ status: "error", code: 401 });
    for (const user of [viewer, contributor]) {
      expect(await performAction(applyImportAction, user, { csv })).toMatchObject({ status: "error", code: 403 });
      expect(await performAction(previewImportAction, user, { csv })).toMatchObject({ status: "error", code: 403 });
    }
    expect(await performAction(applyImportAction, editor, { csv, role: "ADMIN" })).toMatchObject({
      status: "error",
      code: 400,
    });
    expect(await rowCounts()).toEqual(before);
  });

  it("import as the editor, with progress, audited as the editor", async () => {
    const progress: number[] = [];
    const state = await withImportProgress(
      (done) => progress.push(done),
      () => performAction(applyImportAction, editor, { csv, publish: "" }),
    );
    expect(state).toMatchObject({ status: "ok", message: "Imported 1 new and 0 changed rows." });
    expect(progress).toEqual([0, 1]);
    const person = await prisma.prisoner.findFirstOrThrow({ where: { fullName: `Action Import ${token}` } });
    expect(person.state).toBe("DRAFT");
    const [entry] = await prisma.auditEntry.findMany({ where: { entityId: person.id } });
    expect(entry).toMatchObject({ actorId: editor.id, actorLabel: editor.email, action: "CREATE" });
  });

  it("answer a refused file with every row's error, and write nothing", async () => {
    const before = await rowCounts();
    const state = await performAction(applyImportAction, editor, { csv: `${csv}\n,,2999-01-01,x,,y` });
    expect(state).toMatchObject({ status: "error", code: 400 });
    expect(state.status === "error" && state.fieldErrors.csv[0]).toMatch(/^Row 3: /);
    expect(await rowCounts()).toEqual(before);
  });
});
