import { randomUUID } from "node:crypto";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import { XMLParser } from "fast-xml-parser";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as embedCount } from "@/app/embed/count/route";
import { GET as courtAtom } from "@/app/feeds/courts/[slug]/events.atom/route";
import { GET as courtJson } from "@/app/feeds/courts/[slug]/events.json/route";
import { GET as siteAtom } from "@/app/feeds/events.atom/route";
import { GET as siteJson } from "@/app/feeds/events.json/route";
import { GET as siteCalendar } from "@/app/feeds/hearings.ics/route";
import { GET as changesAtom } from "@/app/feeds/prisoners/[slug]/changes.atom/route";
import { GET as citeBib } from "@/app/feeds/prisoners/[slug]/cite.bib/route";
import { GET as citeJson } from "@/app/feeds/prisoners/[slug]/cite.json/route";
import { GET as prisonerAtom } from "@/app/feeds/prisoners/[slug]/events.atom/route";
import { GET as prisonerJson } from "@/app/feeds/prisoners/[slug]/events.json/route";
import { GET as prisonerCalendar } from "@/app/feeds/prisoners/[slug]/hearings.ics/route";
import { performAction } from "@/lib/actions/perform";
import { recordActions } from "@/lib/actions/records";
import { readRecord } from "@/lib/data/admin/engine";
import { adminResources } from "@/lib/data/admin/resources";
import { seedActor } from "@/lib/data/audit";
import { publicChangeLog } from "@/lib/data/change-log";
import { disconnect, prisma } from "@/lib/db/client";
import { addDays, fromIsoDay, todayUtc } from "@/lib/dates";
import { createTestUser } from "@/scripts/test-support/users";

/**
 * Every public output of issue 5 (feeds, calendar, citations, change log, embed) against a real
 * database, each read back by an independent parser, plus canaries: text of drafts and private
 * fields that must appear in none of them. Records of this file date from the years 1850-1859.
 */

const run = randomUUID().slice(0, 8);
const unique = (label: string) => `${label}-${run}`;
const day = fromIsoDay;

const CANARY = {
  health: `CANARY-HEALTH-${randomUUID()}`,
  family: `CANARY-FAMILY-${randomUUID()}`,
  notes: `CANARY-NOTES-${randomUUID()}`,
  sourceIdentity: `CANARY-SOURCE-IDENTITY-${randomUUID()}`,
  draftPerson: `CANARY-DRAFT-PERSON-${randomUUID()}`,
  draftHearing: `CANARY-DRAFT-HEARING-${randomUUID()}`,
  draftScheduled: `CANARY-DRAFT-SCHEDULED-${randomUUID()}`,
  draftMotion: `CANARY-DRAFT-MOTION-${randomUUID()}`,
  draftCustodyNote: `CANARY-DRAFT-CUSTODY-${randomUUID()}`,
  draftCourt: `CANARY-DRAFT-COURT-${randomUUID()}`,
  draftDecree: `CANARY-DRAFT-DECREE-${randomUUID()}`,
  draftVerdict: `CANARY-DRAFT-VERDICT-${randomUUID()}`,
  auditPrivateField: `CANARY-AUDIT-PRIVATE-${randomUUID()}`,
  auditOldValue: `CANARY-AUDIT-OLD-VALUE-${randomUUID()}`,
  auditDraftEdit: `CANARY-AUDIT-DRAFT-EDIT-${randomUUID()}`,
  actor: `CANARY-EDITOR-NAME-${randomUUID()}`,
};

/** A name with every character that XML, iCalendar and BibTeX treat specially. */
const TRICKY_NAME = unique(`Ayşə "Test" <O'Brien> & Co; {x} 50% #1, a\\b`);

const slugs = { person: unique("feeds-person"), draft: unique("feeds-draft"), court: unique("feeds-court"), otherCourt: unique("feeds-other-court") };
const today = todayUtc();
const soon = addDays(today, 400);
const later = addDays(today, 401);

let personId = "";
let heldHearingId = "";
let scheduledTimedId = "";
let scheduledAllDayId = "";
let verdictId = "";
const bodies: string[] = [];

async function text(response: Response): Promise<string> {
  const body = await response.text();
  bodies.push(body);
  return body;
}

const request = (path: string, headers: Record<string, string> = {}) =>
  new Request(`http://localhost:3000${path}`, { headers: { host: "localhost:3000", ...headers } });
const withSlug = (slug: string) => ({ params: Promise.resolve({ slug }) });

beforeAll(async () => {
  const court = await prisma.court.create({ data: { slug: slugs.court, name: unique("Feeds District Court"), kind: "DISTRICT", city: "Baku" } });
  const otherCourt = await prisma.court.create({ data: { slug: slugs.otherCourt, name: unique("Feeds Appeal Court"), kind: "APPEAL" } });
  const draftCourt = await prisma.court.create({ data: { slug: unique("feeds-draft-court"), name: CANARY.draftCourt, kind: "APPEAL", state: "DRAFT" } });
  await prisma.source.create({
    data: { kind: "TESTIMONY", title: unique("Feeds source"), privateRecord: { create: { identity: CANARY.sourceIdentity } } },
  });

  const person = await prisma.prisoner.create({
    data: {
      slug: slugs.person,
      fullName: TRICKY_NAME,
      state: "PUBLISHED",
      privateRecord: { create: { healthDetails: CANARY.health, familyContact: CANARY.family, internalNotes: CANARY.notes } },
    },
  });
  personId = person.id;
  const criminalCase = await prisma.case.create({ data: { prisonerId: person.id, title: unique("Feeds case") } });
  const period = await prisma.custodyPeriod.create({
    data: { prisonerId: person.id, caseId: criminalCase.id, startDate: day("1851-03-04"), endDate: day("1853-05-06"), endPrecision: "DAY", releaseReason: "PARDON" },
  });
  await prisma.custodyPeriod.create({
    data: { prisonerId: person.id, startDate: day("1850-01-02"), endDate: day("1850-02-03"), endPrecision: "DAY", releaseReason: "OTHER", state: "DRAFT", note: CANARY.draftCustodyNote },
  });
  const held = await prisma.hearing.create({
    data: {
      caseId: criminalCase.id,
      courtId: court.id,
      date: day("1851-03-20"),
      kind: "DETENTION_EXTENSION",
      status: "HELD",
      outcome: "Detention extended <b>&</b> bail refused",
      motions: {
        create: [
          { position: 0, filedBy: "INVESTIGATION", kind: "EXTEND_DETENTION", ruling: "GRANTED" },
          { position: 1, filedBy: "DEFENCE", kind: "BAIL", ruling: "DISMISSED", state: "DRAFT", description: CANARY.draftMotion, rulingNote: CANARY.draftMotion },
        ],
      },
    },
  });
  heldHearingId = held.id;
  await prisma.detentionExtension.create({ data: { custodyPeriodId: period.id, hearingId: held.id, orderedOn: day("1851-03-20"), until: day("1851-07-20") } });
  await prisma.hearing.create({
    data: { caseId: criminalCase.id, courtId: draftCourt.id, date: day("1851-04-01"), kind: "TRIAL_SESSION", status: "HELD", outcome: CANARY.draftHearing, state: "DRAFT" },
  });
  scheduledTimedId = (
    await prisma.hearing.create({
      data: { caseId: criminalCase.id, courtId: court.id, date: day(soon), timeOfDay: "10:30", kind: "TRIAL_SESSION", status: "SCHEDULED" },
    })
  ).id;
  scheduledAllDayId = (
    await prisma.hearing.create({ data: { caseId: criminalCase.id, courtId: otherCourt.id, date: day(later), kind: "APPEAL", status: "SCHEDULED" } })
  ).id;
  await prisma.hearing.create({
    data: { caseId: criminalCase.id, date: day(later), kind: "TRIAL_SESSION", status: "SCHEDULED", outcome: CANARY.draftScheduled, state: "DRAFT" },
  });
  const verdict = await prisma.verdict.create({
    data: { caseId: criminalCase.id, courtId: court.id, date: day("1852-01-10"), outcome: "CONVICTED", sentenceKind: "IMPRISONMENT", sentenceMonths: 90 },
  });
  verdictId = verdict.id;
  await prisma.verdict.create({ data: { caseId: criminalCase.id, date: day("1852-02-10"), outcome: "CONVICTED", summary: CANARY.draftVerdict, state: "DRAFT" } });
  await prisma.appeal.create({ data: { verdictId: verdict.id, courtId: otherCourt.id, decidedDate: day("1852-06-01"), result: "UPHELD" } });
  const decree = await prisma.decree.create({ data: { kind: "PARDON", title: unique("Feeds pardon decree"), signedDate: day("1853-05-05") } });
  await prisma.decreeBeneficiary.create({ data: { decreeId: decree.id, prisonerId: person.id } });
  const draftDecree = await prisma.decree.create({ data: { kind: "PARDON", title: CANARY.draftDecree, signedDate: day("1853-05-05"), state: "DRAFT" } });
  await prisma.decreeBeneficiary.create({ data: { decreeId: draftDecree.id, prisonerId: person.id } });

  const draft = await prisma.prisoner.create({ data: { slug: slugs.draft, fullName: CANARY.draftPerson, state: "DRAFT" } });
  const draftCase = await prisma.case.create({ data: { prisonerId: draft.id, title: CANARY.draftPerson } });
  await prisma.custodyPeriod.create({ data: { prisonerId: draft.id, startDate: day("1852-01-01") } });
  await prisma.hearing.create({
    data: { caseId: draftCase.id, courtId: court.id, date: day(soon), kind: "TRIAL_SESSION", status: "SCHEDULED", outcome: CANARY.draftPerson },
  });

  // Audit entries as the admin writes them: whole rows, with private and draft values in them.
  const audit = (data: { action: string; entityType: string; entityId: string; before?: object; after?: object; at?: Date }) =>
    prisma.auditEntry.create({
      data: { actorLabel: CANARY.actor, action: data.action, entityType: data.entityType, entityId: data.entityId, before: data.before, after: data.after, at: data.at },
    });
  const heldRow = { id: held.id, state: "PUBLISHED", outcome: "Detention extended <b>&</b> bail refused", status: "HELD" };
  await audit({ action: "CREATE", entityType: "Hearing", entityId: held.id, after: { ...heldRow, state: "DRAFT", outcome: CANARY.auditDraftEdit }, at: new Date("2020-01-01T00:00:00Z") });
  await audit({ action: "PUBLISH", entityType: "Hearing", entityId: held.id, before: { ...heldRow, state: "DRAFT" }, after: heldRow, at: new Date("2020-02-01T00:00:00Z") });
  await audit({
    action: "UPDATE",
    entityType: "Hearing",
    entityId: held.id,
    before: { ...heldRow, outcome: CANARY.auditOldValue, internal: CANARY.auditPrivateField },
    after: { ...heldRow, internal: `${CANARY.auditPrivateField}-2` },
    at: new Date("2020-03-01T00:00:00Z"),
  });
  // A change to a private field only: nothing public changed, so nothing is shown.
  await audit({ action: "UPDATE", entityType: "PrisonerPrivate", entityId: person.id, before: { healthDetails: "x" }, after: { healthDetails: CANARY.health }, at: new Date("2020-04-01T00:00:00Z") });
  await audit({ action: "UPDATE", entityType: "Hearing", entityId: held.id, before: { ...heldRow, internal: "a" }, after: { ...heldRow, internal: "b" }, at: new Date("2020-05-01T00:00:00Z") });
  await prisma.auditEntry.create({
    data: { actorLabel: seedActor.label, action: "CREATE", entityType: "Prisoner", entityId: draft.id, after: { id: draft.id, fullName: CANARY.draftPerson, state: "PUBLISHED" } },
  });
});

afterAll(async () => {
  // The canary sweep over everything this file received from a public route.
  const everything = bodies.join("\n");
  expect(bodies.length).toBeGreaterThan(10);
  for (const canary of Object.values(CANARY)) expect(everything).not.toContain(canary);
  await disconnect();
});

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => name === "entry" || name === "link" });

type AtomEntry = { id: string; title: string; updated: string; summary: { "#text": string }; link: { "@href": string; "@rel": string }[] };

async function atom(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  const parsed = xml.parse(await text(response));
  expect(parsed.feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
  return parsed.feed as { id: string; title: string; updated: string; entry?: AtomEntry[]; link: { "@href": string; "@rel": string }[] };
}

describe("Atom feeds", () => {
  it("list a person's public events, newest first, with stable ids, links and escaped text", async () => {
    const feed = await atom(await prisonerAtom(request(`/feeds/prisoners/${slugs.person}/events.atom`), withSlug(slugs.person)));
    expect(feed.title).toBe(`${TRICKY_NAME}: case events`);
    expect(feed.link.map((link) => link["@rel"])).toEqual(["self", "alternate", "alternate"]);
    const entries = feed.entry ?? [];
    const titles = entries.map((entry) => entry.title);
    // Newest first; the two scheduled hearings (future dates) come first; on one day, the extension before the hearing that ordered it.
    expect(titles.slice(2)).toEqual([
      expect.stringContaining("Released (pardon) (6 May 1853)"),
      expect.stringContaining("Pardoned"),
      expect.stringContaining("Appeal"),
      expect.stringContaining("Verdict"),
      expect.stringContaining("Detention extended until 20 July 1851 (20 March 1851)"),
      expect.stringContaining("Detention extension hearing"),
      expect.stringContaining("Arrested"),
    ]);
    expect(titles.every((title) => title.startsWith(`${TRICKY_NAME}: `))).toBe(true);
    const hearing = entries.find((entry) => entry.id.endsWith(`event-${heldHearingId}`));
    expect(hearing?.id).toBe(`tag:localhost,2026:event-${heldHearingId}`);
    expect(hearing?.summary["#text"]).toContain("Detention extended <b>&</b> bail refused");
    expect(hearing?.summary["#text"]).toContain("Extend detention, filed by the investigation: granted.");
    expect(hearing?.link[0]["@href"]).toBe(`http://localhost:3000/prisoners/${slugs.person}#event-${heldHearingId}`);
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
    for (const entry of entries) expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
  });

  it("for a court, list only what happened there", async () => {
    const feed = await atom(await courtAtom(request(`/feeds/courts/${slugs.otherCourt}/events.atom`), withSlug(slugs.otherCourt)));
    const titles = (feed.entry ?? []).map((entry) => entry.title);
    expect(titles).toHaveLength(2);
    expect(titles[0]).toContain("Appeal hearing");
    expect(titles[1]).toContain("Appeal: ");
  });

  it("site-wide: valid, and never a draft person's events", async () => {
    const feed = await atom(await siteAtom(request("/feeds/events.atom?limit=200")));
    expect((feed.entry ?? []).length).toBeGreaterThan(0);
    expect((feed.entry ?? []).length).toBeLessThanOrEqual(200);
  });

  it("answer 404 for a draft person, an unknown court and a malformed slug", async () => {
    expect((await prisonerAtom(request("/x"), withSlug(slugs.draft))).status).toBe(404);
    expect((await courtAtom(request("/x"), withSlug(unique("no-such-court")))).status).toBe(404);
    expect((await prisonerJson(request("/x"), withSlug("../etc"))).status).toBe(404);
  });

  it("carry validators, and answer a conditional request for an unchanged feed with 304", async () => {
    const first = await prisonerAtom(request(`/feeds/prisoners/${slugs.person}/events.atom`), withSlug(slugs.person));
    await text(first);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers.get("cache-control")).toContain("public");
    expect(Number.isNaN(Date.parse(first.headers.get("last-modified") ?? ""))).toBe(false);
    const again = await prisonerAtom(request(`/feeds/prisoners/${slugs.person}/events.atom`, { "if-none-match": etag ?? "" }), withSlug(slugs.person));
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
  });
});

describe("JSON Feed 1.1", () => {
  it("has the fields the specification requires, per item too", async () => {
    const response = await prisonerJson(request(`/feeds/prisoners/${slugs.person}/events.json`), withSlug(slugs.person));
    expect(response.headers.get("content-type")).toBe("application/feed+json; charset=utf-8");
    const feed = JSON.parse(await text(response));
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(typeof feed.title).toBe("string");
    expect(feed.feed_url).toBe(`http://localhost:3000/feeds/prisoners/${slugs.person}/events.json`);
    expect(feed.home_page_url).toBe(`http://localhost:3000/prisoners/${slugs.person}`);
    expect(Array.isArray(feed.items)).toBe(true);
    for (const item of feed.items) {
      expect(typeof item.id).toBe("string");
      expect(typeof item.content_text).toBe("string");
      expect(new URL(item.url).hash).toMatch(/^#event-/);
      expect(Number.isNaN(Date.parse(item.date_modified))).toBe(false);
      // Extensions must start with an underscore.
      for (const key of Object.keys(item)) expect(["id", "url", "title", "content_text", "date_modified", "tags"].includes(key) || key.startsWith("_")).toBe(true);
    }
    const days = feed.items.map((item: { _habeas: { date: string } }) => item._habeas.date);
    expect([...days].sort().reverse()).toEqual(days);
  });

  it("serves the site-wide and court feeds too", async () => {
    const site = JSON.parse(await text(await siteJson(request("/feeds/events.json"))));
    expect(site.items.length).toBeLessThanOrEqual(50);
    const court = JSON.parse(await text(await courtJson(request("/x"), withSlug(slugs.court))));
    const types = court.items.map((item: { _habeas: { type: string } }) => item._habeas.type).sort();
    expect(types).toEqual(["detention-extension", "hearing", "hearing", "verdict"]);
  });
});

describe("iCalendar", () => {
  function events(body: string) {
    const calendar = new ICAL.Component(ICAL.parse(body));
    return calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
  }

  it("lists a person's scheduled hearings from today on: timed ones at the court's time, others all day", async () => {
    const response = await prisonerCalendar(request("/x"), withSlug(slugs.person));
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const body = await text(response);
    expect(body).toContain("\r\n");
    expect(body.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const found = events(body);
    expect(found.map((event) => event.uid)).toEqual([`hearing-${scheduledTimedId}@localhost`, `hearing-${scheduledAllDayId}@localhost`]);
    const [timed, allDay] = found;
    expect(timed.startDate.isDate).toBe(false);
    expect(timed.startDate.toString()).toBe(`${soon}T10:30:00`);
    expect(timed.startDate.zone?.tzid).toBe("floating");
    expect(body).toContain(`DTSTART:${soon.replaceAll("-", "")}T103000\r\n`);
    expect(timed.summary).toBe(`${TRICKY_NAME}: Trial session`);
    expect(allDay.startDate.isDate).toBe(true);
    expect(allDay.startDate.toString()).toBe(later);
  });

  it("site-wide: the public scheduled hearings of this file, not the draft ones", async () => {
    const uids = events(await text(await siteCalendar(request("/feeds/hearings.ics")))).map((event) => event.uid);
    expect(uids).toEqual(expect.arrayContaining([`hearing-${scheduledTimedId}@localhost`, `hearing-${scheduledAllDayId}@localhost`]));
  });

  it("404 for a draft person", async () => {
    expect((await prisonerCalendar(request("/x"), withSlug(slugs.draft))).status).toBe(404);
  });
});

describe("citations", () => {
  it("BibTeX parses back to the profile and each event, with URL and access date", async () => {
    const body = await text(await citeBib(request("/x"), withSlug(slugs.person)));
    const items = (await Cite.async(body)).data as { id: string; title: string; URL: string; accessed: { "date-parts": number[][] } }[];
    expect(items[0].title).toBe(`${TRICKY_NAME}: case record`);
    expect(items[0].URL).toBe(`http://localhost:3000/prisoners/${slugs.person}`);
    expect(items[0].accessed["date-parts"][0]).toEqual(today.split("-").map(Number));
    const verdict = items.find((item) => item.URL.endsWith(`#event-${verdictId}`));
    expect(verdict?.title).toContain("Verdict: convicted");
    expect(verdict?.title).toContain("10 January 1852");
  });

  it("CSL-JSON has the fields reference managers read", async () => {
    const items = JSON.parse(await text(await citeJson(request("/x"), withSlug(slugs.person))));
    expect(items.length).toBeGreaterThan(5);
    for (const item of items) {
      expect(item.type).toBe("webpage");
      expect(typeof item.id).toBe("string");
      expect(item.URL).toMatch(/^http:\/\/localhost:3000\/prisoners\//);
      expect(item.issued["date-parts"][0]).toHaveLength(3);
      expect(item.accessed["date-parts"][0]).toEqual(today.split("-").map(Number));
    }
    expect((await citeJson(request("/x"), withSlug(slugs.draft))).status).toBe(404);
  });
});

describe("change log", () => {
  it("shows public changes with field names only: no past values, private fields, drafts or editors", async () => {
    const log = await publicChangeLog(slugs.person);
    const mine = log?.entries.filter((entry) => entry.anchor === `event-${heldHearingId}`) ?? [];
    // The draft-time creation and the private-only edits are not shown; the publication and one public edit are.
    expect(mine.map((entry) => [entry.kind, entry.fields])).toEqual([
      ["changed", ["outcome"]],
      ["added", []],
    ]);
    bodies.push(JSON.stringify(log));
    expect(await publicChangeLog(slugs.draft)).toBeNull();
  });

  it("filters by ?since", async () => {
    const log = await publicChangeLog(slugs.person, { since: "2020-02-15" });
    expect(log?.entries.filter((entry) => entry.anchor === `event-${heldHearingId}`).map((entry) => entry.kind)).toEqual(["changed"]);
  });

  it("shows an edit saved in the workspace, whose audit entry holds the form's values", async () => {
    const editor = await createTestUser("EDITOR", "change-log");
    const snapshot = (await readRecord(adminResources.verdicts, verdictId))!;
    // The edit form's fields: everything the snapshot shows but the case, which is fixed once created.
    const values = Object.fromEntries(Object.entries(snapshot.values).filter(([field]) => field !== "caseId"));
    const saved = await performAction(recordActions.verdicts.update, editor, {
      ...values,
      id: verdictId,
      version: String(snapshot.version),
      summary: "Sentence read out in an empty courtroom.",
    });
    expect(saved).toMatchObject({ status: "ok" });
    const log = await publicChangeLog(slugs.person);
    const entries = log?.entries.filter((entry) => entry.anchor === `event-${verdictId}`) ?? [];
    expect(entries.map((entry) => [entry.kind, entry.fields])).toEqual([["changed", ["summary"]]]);
    bodies.push(JSON.stringify(log));
  });

  it("as Atom", async () => {
    const feed = await atom(await changesAtom(request("/x"), withSlug(slugs.person)));
    expect((feed.entry ?? []).some((entry) => entry.title.startsWith("Changed: Detention extension hearing"))).toBe(true);
    expect(personId).not.toBe("");
  });
});

describe("embeddable count", () => {
  it("is a page any site may frame, showing the count with its definition and a link back", async () => {
    const response = await embedCount(request("/embed/count"));
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors *");
    expect(csp).toContain("default-src 'none'");
    expect(response.headers.get("x-frame-options")).toBeNull();
    const body = await text(response);
    const { count } = await (await import("@/app/api/count/route")).GET(request("/api/count")).then((r) => r.json());
    expect(body).toContain(`<span id="count" data-testid="embed-count">${count}</span>`);
    expect(body).toContain("House arrest is not counted");
    expect(body).toContain('href="http://localhost:3000/#imprisoned-now" target="_blank" rel="noopener"');
  });
});
