import { createHash } from "node:crypto";
import { fromIsoDay, type IsoDay } from "./dates";

/**
 * "Cite this": one page or event of the record as a plain-text reference, a BibTeX @misc entry
 * and a CSL-JSON item (the format reference managers such as Zotero import). Pure: the page
 * passes public values only.
 */
export type CitationTarget = {
  /** Stable key for BibTeX and CSL-JSON, e.g. habeas-leyla-yunus-event-1f2e. */
  key: string;
  title: string;
  /** Permalink: the profile's address, with #anchor for an event. */
  url: string;
  /** When the cited page was last changed (its "issued" date). */
  updated: Date;
  /** The day the reader cites it (UTC). */
  accessed: IsoDay;
  /** One line on what the cited item is, e.g. "Case timeline entry". */
  note?: string;
};

export const SITE_NAME = "Habeas";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function longDate(day: Date): string {
  return `${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
}

function dateParts(day: Date): [number, number, number] {
  return [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
}

export function plainTextCitation(target: CitationTarget): string {
  return `${SITE_NAME}. “${target.title}.” Last updated ${longDate(target.updated)}. ${target.url} (accessed ${longDate(fromIsoDay(target.accessed))}).`;
}

/** Characters with a meaning in BibTeX/LaTeX, written so that they come out as themselves. */
const BIBTEX_SPECIAL: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  "&": "\\&",
  "%": "\\%",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};

export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (character) => BIBTEX_SPECIAL[character]).replace(/\s+/g, " ");
}

/** Longer keys are refused by reference managers' BibTeX readers (citation-js among them). */
const MAX_KEY_LENGTH = 100;

/**
 * A BibTeX key: letters, digits and hyphens only, at most 100 characters. A longer key (a long
 * slug and an event's anchor) keeps its start and ends in a hash of the whole, so two events of
 * one person never share a key however long the name.
 */
export function bibtexKey(key: string): string {
  const clean = key.replace(/[^A-Za-z0-9-]+/g, "-");
  if (clean.length <= MAX_KEY_LENGTH) return clean;
  const hash = createHash("sha256").update(clean).digest("hex").slice(0, 10);
  return `${clean.slice(0, MAX_KEY_LENGTH - hash.length - 1).replace(/-+$/, "")}-${hash}`;
}

/**
 * A BibTeX @misc entry (with biblatex's url and urldate). The url field is read verbatim by
 * url-aware styles; ours is made only of the site's origin, a slug and an anchor, and a %,
 * brace or backslash in it is refused rather than escaped.
 */
export function bibtexCitation(target: CitationTarget): string {
  if (/[\s{}\\%]/.test(target.url)) throw new Error("a citation URL may not contain spaces, braces, backslashes or %");
  const updated = target.updated;
  const fields: [string, string][] = [
    ["title", `{${escapeBibtex(target.title)}}`],
    ["author", `{${SITE_NAME}}`],
    ["organization", `{${SITE_NAME}}`],
    ["year", `{${updated.getUTCFullYear()}}`],
    ["month", `{${updated.getUTCMonth() + 1}}`],
    ["date", `{${updated.toISOString().slice(0, 10)}}`],
    ["url", `{${target.url}}`],
    ["howpublished", `{\\url{${target.url}}}`],
    ["urldate", `{${target.accessed}}`],
    ["note", `{${escapeBibtex(`${target.note ? `${target.note}. ` : ""}Accessed ${longDate(fromIsoDay(target.accessed))}`)}}`],
  ];
  return `@misc{${bibtexKey(target.key)},\n${fields.map(([name, value]) => `  ${name} = ${value}`).join(",\n")}\n}\n`;
}

export type CslItem = {
  id: string;
  type: "webpage";
  title: string;
  "container-title": string;
  publisher: string;
  author: { literal: string }[];
  URL: string;
  issued: { "date-parts": [[number, number, number]] };
  accessed: { "date-parts": [[number, number, number]] };
  note?: string;
};

export function cslJsonCitation(target: CitationTarget): CslItem {
  return {
    id: bibtexKey(target.key),
    type: "webpage",
    title: target.title,
    "container-title": SITE_NAME,
    publisher: SITE_NAME,
    author: [{ literal: SITE_NAME }],
    URL: target.url,
    issued: { "date-parts": [dateParts(target.updated)] },
    accessed: { "date-parts": [dateParts(fromIsoDay(target.accessed))] },
    ...(target.note ? { note: target.note } : {}),
  };
}
