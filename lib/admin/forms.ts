import {
  courtKindLabel,
  facilityKindLabel,
  hearingKindLabel,
  hearingStatusLabel,
  motionKindLabel,
  motionPartyLabel,
  rulingLabel,
} from "../labels";
import { releaseReasonLabel, verdictOutcomeLabel } from "../labels";
import { custodyKinds, releaseReasons } from "../validation/custody";
import { courtKinds, facilityKinds } from "../validation/institutions";
import { genders } from "../validation/prisoner";
import {
  appealResults,
  hearingKinds,
  hearingStatuses,
  motionKinds,
  motionParties,
  rulings,
  sentenceKinds,
  verdictOutcomes,
} from "../validation/proceedings";
import { decreeKinds, sourceKinds, updateKinds } from "../validation/publications";
import type { ResourceKey } from "./record-types";

/**
 * What each admin form shows: its fields in order, with labels, hints and which are private.
 * The zod schemas in lib/validation decide what is valid; these only lay the fields out. Both
 * name the same fields, and a test checks that they agree.
 */

export type Option = { value: string; label: string };

type Common = {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  /** Never shown to the public; marked in the form. */
  private?: boolean;
  /** Shown only when creating (e.g. the person a case belongs to) or only when editing. */
  on?: "create" | "edit";
};

export type FieldSpec = Common &
  (
    | { kind: "text" | "textarea" | "url" | "lines"; maxLength: number }
    | { kind: "partialDate" | "date" | "time" | "number" }
    /** `initial`: what a new record starts with (the schema's default); no "not given" then. */
    | { kind: "select"; options: Option[]; initial?: string }
    /** Options come from the database (categories), passed in by the page. */
    | { kind: "checkboxes"; choices: string }
    | { kind: "relation" | "relations"; resource: ResourceKey; allowCreate?: boolean }
  );

export type ResourceForm = {
  key: ResourceKey;
  singular: string;
  plural: string;
  description: string;
  fields: FieldSpec[];
  /** The field a "new" link from a parent record fills in (?parent=id). */
  parentField?: string;
  /** Lists of this record's children, linked from its edit page. */
  children?: { resource: ResourceKey; label: string }[];
};

function humanise(value: string): string {
  const text = value.toLowerCase().replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function options(values: readonly string[], labels: Partial<Record<string, string>> = {}): Option[] {
  return values.map((value) => ({ value, label: labels[value] ?? humanise(value) }));
}

const partialDateHint = "YYYY-MM-DD, or YYYY-MM or YYYY when only that is known";
const qualifierOptions = options(["EXACT", "ON_OR_BEFORE", "ON_OR_AFTER"], {
  EXACT: "On this date",
  ON_OR_BEFORE: "On or before (the source gives a bound)",
  ON_OR_AFTER: "On or after",
});

export const resourceForms: Record<ResourceKey, ResourceForm> = {
  prisoners: {
    key: "prisoners",
    singular: "Prisoner",
    plural: "Prisoners",
    description: "People: names, categories, biography, and the private record.",
    fields: [
      { name: "fullName", label: "Full name as written in the source", kind: "text", maxLength: 200, required: true },
      { name: "slug", label: "Web address", kind: "text", maxLength: 120, hint: "Left empty, made from the name, e.g. leyla-yunus" },
      { name: "aliases", label: "Other names and spellings", kind: "lines", maxLength: 10000, hint: "One per line" },
      { name: "gender", label: "Gender", kind: "select", options: options(genders), initial: "UNSPECIFIED" },
      { name: "birth", label: "Date of birth", kind: "partialDate", hint: partialDateHint },
      { name: "categories", label: "Categories", kind: "checkboxes", choices: "categories" },
      { name: "biography", label: "Biography", kind: "textarea", maxLength: 20000 },
      { name: "familyContact", label: "Family contact", kind: "textarea", maxLength: 2000, private: true },
      { name: "healthDetails", label: "Health details", kind: "textarea", maxLength: 5000, private: true, hint: "Only what the family has not agreed to publish" },
      { name: "internalNotes", label: "Internal notes", kind: "textarea", maxLength: 20000, private: true },
    ],
    children: [
      { resource: "cases", label: "Cases" },
      { resource: "custody", label: "Custody periods" },
      { resource: "placements", label: "Transfers" },
    ],
  },
  cases: {
    key: "cases",
    singular: "Case",
    plural: "Cases",
    description: "Criminal cases, each against one person.",
    parentField: "prisonerId",
    fields: [
      { name: "prisonerId", label: "Person", kind: "relation", resource: "prisoners", required: true, on: "create" },
      { name: "title", label: "Title", kind: "text", maxLength: 300, required: true },
      { name: "caseNumber", label: "Case number", kind: "text", maxLength: 100 },
      { name: "prosecutingBody", label: "Prosecuting body", kind: "text", maxLength: 300 },
      { name: "opened", label: "Opened", kind: "partialDate", hint: partialDateHint },
      { name: "summary", label: "Summary", kind: "textarea", maxLength: 20000 },
    ],
    children: [
      { resource: "charges", label: "Charges" },
      { resource: "hearings", label: "Hearings" },
      { resource: "verdicts", label: "Verdicts" },
    ],
  },
  charges: {
    key: "charges",
    singular: "Charge",
    plural: "Charges",
    description: "Charges in a case: the criminal code article, or a description.",
    parentField: "caseId",
    fields: [
      { name: "caseId", label: "Case", kind: "relation", resource: "cases", required: true, on: "create" },
      { name: "article", label: "Article number", kind: "text", maxLength: 40, hint: "As cited, e.g. 234.4.3" },
      { name: "articleTitle", label: "What the article is about", kind: "text", maxLength: 500 },
      { name: "description", label: "Description", kind: "textarea", maxLength: 1000, hint: "How the source describes the charge" },
    ],
  },
  custody: {
    key: "custody",
    singular: "Custody period",
    plural: "Custody periods",
    description: "Arrests and releases. Saving one changes the public count at once.",
    parentField: "prisonerId",
    fields: [
      { name: "prisonerId", label: "Person", kind: "relation", resource: "prisoners", required: true, on: "create" },
      { name: "caseId", label: "Case", kind: "relation", resource: "cases", on: "create" },
      { name: "kind", label: "Kind", kind: "select", options: options(custodyKinds), initial: "DETENTION", on: "create" },
      { name: "start", label: "Arrested on", kind: "partialDate", hint: partialDateHint, required: true, on: "create" },
      { name: "startQualifier", label: "How exact", kind: "select", options: qualifierOptions, initial: "EXACT", on: "create" },
      { name: "facilityId", label: "Held at", kind: "relation", resource: "facilities", allowCreate: true, on: "create" },
      { name: "end", label: "Released on", kind: "partialDate", hint: partialDateHint, required: true, on: "edit" },
      { name: "reason", label: "Reason for release", kind: "select", options: options(releaseReasons, releaseReasonLabel), required: true, on: "edit" },
      { name: "decreeId", label: "Pardon or amnesty decree", kind: "relation", resource: "decrees", on: "edit" },
      { name: "note", label: "Note", kind: "textarea", maxLength: 5000 },
    ],
    children: [{ resource: "extensions", label: "Detention extensions" }],
  },
  placements: {
    key: "placements",
    singular: "Transfer",
    plural: "Transfers",
    description: "Where a person is held from a date on: the first place of detention and every transfer.",
    parentField: "prisonerId",
    fields: [
      { name: "prisonerId", label: "Person", kind: "relation", resource: "prisoners", required: true, on: "create" },
      {
        name: "facilityId",
        label: "Facility",
        kind: "relation",
        resource: "facilities",
        allowCreate: true,
        required: true,
        hint: "Where the person is held from this date on. Type to search, or create it.",
      },
      {
        name: "from",
        label: "Held there from",
        kind: "partialDate",
        hint: `${partialDateHint}. It must fall within a custody period of the person.`,
        required: true,
      },
      { name: "fromQualifier", label: "How exact", kind: "select", options: qualifierOptions, initial: "EXACT" },
      { name: "sourceIds", label: "Sources", kind: "relations", resource: "sources", hint: "Where this fact is reported" },
    ],
  },
  facilities: {
    key: "facilities",
    singular: "Facility",
    plural: "Facilities",
    description: "Prisons and detention centres, with a postal address for letters.",
    fields: [
      { name: "name", label: "Name", kind: "text", maxLength: 300, required: true },
      { name: "slug", label: "Web address", kind: "text", maxLength: 120, hint: "Left empty, made from the name" },
      { name: "kind", label: "Kind", kind: "select", options: options(facilityKinds, facilityKindLabel), required: true },
      { name: "aliases", label: "Other names", kind: "lines", maxLength: 6000, hint: "One per line" },
      { name: "postalAddress", label: "Postal address for letters", kind: "textarea", maxLength: 1000 },
      { name: "city", label: "City", kind: "text", maxLength: 120 },
      { name: "country", label: "Country code", kind: "text", maxLength: 2, hint: "Two letters, e.g. AZ" },
    ],
  },
  courts: {
    key: "courts",
    singular: "Court",
    plural: "Courts",
    description: "Courts and international bodies.",
    fields: [
      { name: "name", label: "Name", kind: "text", maxLength: 300, required: true },
      { name: "slug", label: "Web address", kind: "text", maxLength: 120, hint: "Left empty, made from the name" },
      { name: "kind", label: "Kind", kind: "select", options: options(courtKinds, courtKindLabel), required: true },
      { name: "aliases", label: "Other names", kind: "lines", maxLength: 6000, hint: "One per line" },
      { name: "city", label: "City", kind: "text", maxLength: 120 },
      { name: "country", label: "Country code", kind: "text", maxLength: 2, hint: "Two letters, e.g. AZ" },
    ],
    children: [{ resource: "judges", label: "Judges" }],
  },
  judges: {
    key: "judges",
    singular: "Judge",
    plural: "Judges",
    description: "Judges, optionally with their court.",
    parentField: "courtId",
    fields: [
      { name: "fullName", label: "Full name", kind: "text", maxLength: 200, required: true },
      { name: "courtId", label: "Court", kind: "relation", resource: "courts", allowCreate: true },
    ],
  },
  lawyers: {
    key: "lawyers",
    singular: "Lawyer",
    plural: "Lawyers",
    description: "Defence lawyers. A lawyer may also be tracked as a prisoner.",
    fields: [
      { name: "fullName", label: "Full name", kind: "text", maxLength: 200, required: true },
      { name: "slug", label: "Web address", kind: "text", maxLength: 120, hint: "Left empty, made from the name" },
      { name: "aliases", label: "Other names and spellings", kind: "lines", maxLength: 4000, hint: "One per line" },
      { name: "prisonerId", label: "Also tracked as a prisoner", kind: "relation", resource: "prisoners" },
    ],
  },
  hearings: {
    key: "hearings",
    singular: "Hearing",
    plural: "Hearings",
    description: "Court hearings in a case.",
    parentField: "caseId",
    fields: [
      { name: "caseId", label: "Case", kind: "relation", resource: "cases", required: true, on: "create" },
      { name: "date", label: "Date", kind: "partialDate", hint: partialDateHint, required: true },
      { name: "timeOfDay", label: "Time", kind: "time", hint: "HH:MM, local time at the court" },
      { name: "courtId", label: "Court", kind: "relation", resource: "courts", allowCreate: true },
      { name: "judgeId", label: "Judge", kind: "relation", resource: "judges" },
      { name: "kind", label: "Kind", kind: "select", options: options(hearingKinds, hearingKindLabel), required: true },
      { name: "status", label: "Status", kind: "select", options: options(hearingStatuses, hearingStatusLabel), required: true },
      { name: "outcome", label: "Outcome", kind: "textarea", maxLength: 5000 },
    ],
    children: [
      { resource: "motions", label: "Motions" },
      { resource: "extensions", label: "Detention extensions" },
    ],
  },
  motions: {
    key: "motions",
    singular: "Motion",
    plural: "Motions",
    description: "Motions filed at a hearing, and their rulings.",
    parentField: "hearingId",
    fields: [
      { name: "hearingId", label: "Hearing", kind: "relation", resource: "hearings", required: true, on: "create" },
      { name: "filedBy", label: "Filed by", kind: "select", options: options(motionParties, motionPartyLabel), required: true },
      { name: "lawyerId", label: "Lawyer who filed it", kind: "relation", resource: "lawyers", allowCreate: true },
      { name: "kind", label: "What it asks", kind: "select", options: options(motionKinds, motionKindLabel), required: true },
      { name: "description", label: "Description", kind: "textarea", maxLength: 2000 },
      { name: "ruling", label: "Ruling", kind: "select", options: options(rulings, rulingLabel), initial: "PENDING" },
      { name: "rulingNote", label: "Ruling note", kind: "textarea", maxLength: 2000, hint: "E.g. sent to the Prosecutor General's Office" },
    ],
  },
  extensions: {
    key: "extensions",
    singular: "Detention extension",
    plural: "Detention extensions",
    description: "Detention ordered to run until a date.",
    parentField: "custodyPeriodId",
    fields: [
      { name: "custodyPeriodId", label: "Custody period", kind: "relation", resource: "custody", required: true, on: "create" },
      { name: "hearingId", label: "Ordered at hearing", kind: "relation", resource: "hearings" },
      { name: "orderedOn", label: "Ordered on", kind: "date", required: true },
      { name: "until", label: "Detention until", kind: "date", required: true },
    ],
  },
  verdicts: {
    key: "verdicts",
    singular: "Verdict",
    plural: "Verdicts",
    description: "Verdicts and sentences.",
    parentField: "caseId",
    fields: [
      { name: "caseId", label: "Case", kind: "relation", resource: "cases", required: true, on: "create" },
      { name: "date", label: "Date", kind: "partialDate", hint: partialDateHint, required: true },
      { name: "courtId", label: "Court", kind: "relation", resource: "courts", allowCreate: true },
      { name: "outcome", label: "Outcome", kind: "select", options: options(verdictOutcomes, verdictOutcomeLabel), required: true },
      { name: "sentenceKind", label: "Sentence", kind: "select", options: [{ value: "", label: "None" }, ...options(sentenceKinds)] },
      { name: "sentenceMonths", label: "Sentence in months", kind: "number" },
      { name: "summary", label: "Summary", kind: "textarea", maxLength: 5000 },
    ],
    children: [{ resource: "appeals", label: "Appeals" }],
  },
  appeals: {
    key: "appeals",
    singular: "Appeal",
    plural: "Appeals",
    description: "Appeals against verdicts: upheld, reduced or overturned.",
    parentField: "verdictId",
    fields: [
      { name: "verdictId", label: "Verdict", kind: "relation", resource: "verdicts", required: true, on: "create" },
      { name: "courtId", label: "Court", kind: "relation", resource: "courts", allowCreate: true },
      { name: "filed", label: "Filed", kind: "partialDate", hint: partialDateHint },
      { name: "decided", label: "Decided", kind: "partialDate", hint: partialDateHint },
      { name: "result", label: "Result", kind: "select", options: options(appealResults), initial: "PENDING" },
      { name: "newSentenceMonths", label: "New sentence in months", kind: "number" },
      { name: "summary", label: "Summary", kind: "textarea", maxLength: 5000 },
    ],
  },
  decrees: {
    key: "decrees",
    singular: "Decree",
    plural: "Pardon and amnesty decrees",
    description: "Pardon and amnesty decrees and the people they name.",
    fields: [
      { name: "kind", label: "Kind", kind: "select", options: options(decreeKinds), required: true },
      { name: "title", label: "Title", kind: "text", maxLength: 500, required: true },
      { name: "number", label: "Number", kind: "text", maxLength: 100 },
      { name: "signed", label: "Signed on", kind: "partialDate", hint: partialDateHint, required: true },
      { name: "signedBy", label: "Signed by", kind: "text", maxLength: 200 },
      { name: "url", label: "Link", kind: "url", maxLength: 2000 },
      { name: "beneficiaries", label: "People it names", kind: "relations", resource: "prisoners" },
    ],
  },
  sources: {
    key: "sources",
    singular: "Source",
    plural: "Sources",
    description: "Where each fact comes from. A confidential source's identity stays private.",
    fields: [
      { name: "kind", label: "Kind", kind: "select", options: options(sourceKinds), required: true },
      { name: "title", label: "Title", kind: "text", maxLength: 500, required: true },
      { name: "url", label: "Link", kind: "url", maxLength: 2000 },
      { name: "publisher", label: "Publisher", kind: "text", maxLength: 300 },
      { name: "published", label: "Published", kind: "partialDate", hint: partialDateHint },
      { name: "archivedCopy", label: "Archived copy", kind: "text", maxLength: 2000, hint: "A web archive address, or the path of a kept file" },
      { name: "identity", label: "Who the source is", kind: "textarea", maxLength: 2000, private: true },
      { name: "contact", label: "How to reach them", kind: "textarea", maxLength: 2000, private: true },
      { name: "notes", label: "Notes", kind: "textarea", maxLength: 20000, private: true },
    ],
  },
  updates: {
    key: "updates",
    singular: "Update",
    plural: "Advocacy updates",
    description: "Demonstrations, awards, appeals and statements, tied to people.",
    fields: [
      { name: "kind", label: "Kind", kind: "select", options: options(updateKinds), required: true },
      { name: "title", label: "Title", kind: "text", maxLength: 300, required: true },
      { name: "date", label: "Date", kind: "partialDate", hint: partialDateHint, required: true },
      { name: "location", label: "Place", kind: "text", maxLength: 300 },
      { name: "body", label: "Text", kind: "textarea", maxLength: 20000 },
      { name: "prisoners", label: "People it concerns", kind: "relations", resource: "prisoners" },
    ],
  },
};

/** The fields of the create or the edit form. */
export function formFields(form: ResourceForm, mode: "create" | "edit"): FieldSpec[] {
  return form.fields.filter((field) => !field.on || field.on === mode);
}

/** A field's label by name, for the history's diffs and the conflict panel. */
export function fieldLabel(form: ResourceForm, name: string): string {
  return form.fields.find((field) => field.name === name)?.label ?? humanise(name.replace(/([a-z])([A-Z])/g, "$1_$2"));
}
