import { describe, expect, it } from "vitest";
import { diffSnapshots } from "./diff";
import { formFields, resourceForms } from "./forms";
import type { RecordSnapshot } from "./record-types";
import { adminSchemas } from "./schemas";

const base: RecordSnapshot = {
  id: "1",
  state: "DRAFT",
  version: 1,
  title: "A",
  values: { fullName: "Leyla Yunus", gender: "FEMALE", categories: ["c1"], familyContact: "" },
  labels: { categories: "Human rights defender" },
};

describe("readable diffs", () => {
  it("names each changed field by its label, with options and related records by their names", () => {
    const after: RecordSnapshot = {
      ...base,
      state: "PUBLISHED",
      version: 2,
      values: { ...base.values, fullName: "Leyla Yunus (Islam)", gender: "OTHER", categories: ["c1", "c2"] },
      labels: { categories: "Human rights defender, Journalist" },
    };
    expect(diffSnapshots(resourceForms.prisoners, base, after)).toEqual([
      { field: "state", label: "Publication", from: "draft", to: "published" },
      { field: "fullName", label: "Full name as written in the source", from: "Leyla Yunus", to: "Leyla Yunus (Islam)" },
      { field: "gender", label: "Gender", from: "Female", to: "Other" },
      { field: "categories", label: "Categories", from: "Human rights defender", to: "Human rights defender, Journalist" },
    ]);
  });

  it("shows every value of a new record as added", () => {
    const changes = diffSnapshots(resourceForms.prisoners, null, base);
    expect(changes.map((change) => change.field)).toEqual(["state", "fullName", "gender", "categories"]);
    expect(changes.every((change) => change.from === "")).toBe(true);
  });
});

describe("forms and schemas agree", () => {
  it.each(Object.keys(resourceForms) as (keyof typeof resourceForms)[])("%s: every form field is a schema field and back", (key) => {
    const schemas = adminSchemas[key];
    const createFields = formFields(resourceForms[key], "create").map((field) => field.name).sort();
    const editFields = formFields(resourceForms[key], "edit").map((field) => field.name).sort();
    expect(createFields).toEqual(Object.keys(schemas.create.shape).sort());
    expect(editFields).toEqual(Object.keys(schemas.update.shape).filter((name) => name !== "id" && name !== "version").sort());
  });
});
