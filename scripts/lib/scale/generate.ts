import type { Precision, Qualifier } from "../../../lib/dates";
import { isoOf, truncate, yearOf, type Day } from "./days";
import { officialForm, personName, shortForm, slugify, type Gender, type PersonName } from "./names";
import { Random, hashText, stableId } from "./random";
import { FICTITIOUS_MARKER, FIRST_DAY, PROSECUTING_BODIES, SCALE_SOURCE_ID, type Court, type Decree, type Reference } from "./reference";
import type { Row, Rows } from "./tables";

/**
 * The synthetic prisoners and everything that happens to them: names, categories, cases with
 * charges, custody periods with placements and transfers, hearings with motions and rulings,
 * detention extensions, verdicts, appeals, releases by decree, and advocacy updates.
 *
 * Pure: rows depend only on the reference data and (seed, prisoner index), never on the clock
 * or on how prisoners are split into batches. Every row respects the database's rule_*
 * constraints: custody periods of one person never overlap, a stored date matches its
 * precision, nothing held or released lies after the as-of day, placements fall within their
 * period, an extension ends after it is ordered, an appeal is decided after it is filed.
 */

const PRISONER_STREAM = hashText("prisoner");
const UPDATE_STREAM = hashText("update");

/** A lawyer from the pool is also a prisoner once in this many people (about 40 in 100,000). */
const LAWYER_PRISONER_EVERY = 2500;
const LAWYER_PRISONER_OFFSET = 17;

/** Share of people whose last custody period is still open (about 15% of all periods). */
const OPEN_SHARE = 0.2;

export function prisonerId(seed: number, index: number): string {
  return stableId(seed, "prisoner", index);
}

/** The pool lawyer who is also prisoner `index`, if any. */
export function lawyerPrisonerOf(reference: Reference, index: number): number | null {
  if (index % LAWYER_PRISONER_EVERY !== LAWYER_PRISONER_OFFSET) return null;
  return (Math.floor(index / LAWYER_PRISONER_EVERY) * 37) % reference.lawyers.length;
}

/** Links from pool lawyers to the prisoner records of the same people. */
export type LawyerLink = { lawyerId: string; prisonerId: string };

type Period = {
  start: Day;
  end: Day | null;
  kind: "DETENTION" | "HOUSE_ARREST";
  startPrecision: Precision;
  startQualifier: Qualifier;
  endPrecision: Precision | null;
  releaseReason: string | null;
  decree: Decree | null;
};

const TIMES = ["09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "14:00", "14:30", "15:00", "16:00"];

function weightedPrecision(random: Random, day: number, month: number, year: number): Precision {
  return random.weighted<Precision>([
    ["DAY", day],
    ["MONTH", month],
    ["YEAR", year],
  ]);
}

/** Days a custody period lasts: administrative arrests, pre-trial only, sentences, long sentences. */
function duration(random: Random): number {
  const band = random.weighted([
    [0, 25],
    [1, 30],
    [2, 35],
    [3, 10],
  ]);
  if (band === 0) return random.int(3, 60);
  if (band === 1) return random.int(60, 400);
  if (band === 2) return random.int(400, 2600);
  return random.int(2600, 5000);
}

/** A decree of this kind signed within [from, to], if any. Decrees are sorted by day. */
function decreeWithin(decrees: Decree[], kind: string, from: Day, to: Day, random: Random): Decree | null {
  const candidates = decrees.filter((decree) => decree.kind === kind && decree.signed >= from && decree.signed <= to);
  return candidates.length === 0 ? null : random.pick(candidates);
}

/**
 * Custody periods of one person, oldest first, built backwards from the latest so that
 * durations and gaps stay realistic, then given stored dates with their precision.
 */
function custodyTimeline(random: Random, reference: Reference): Period[] {
  const asOf = reference.asOf;
  const wanted = random.weighted([
    [1, 65],
    [2, 25],
    [3, 10],
  ]);
  const open = random.chance(OPEN_SHARE);
  const spans: { start: Day; end: Day | null }[] = [];
  let latestEnd: Day;
  if (open) {
    const start = asOf - Math.floor(Math.pow(random.float(), 1.8) * 9 * 365);
    spans.push({ start, end: null });
    latestEnd = start - random.int(60, 1500);
  } else {
    latestEnd = asOf - 1 - Math.floor(Math.pow(random.float(), 0.8) * (asOf - FIRST_DAY - 400));
  }
  while (spans.length < wanted && latestEnd > FIRST_DAY + 3) {
    let start = latestEnd - duration(random);
    if (start < FIRST_DAY) {
      if (spans.length > 0) break;
      start = FIRST_DAY + random.int(0, Math.max(0, latestEnd - FIRST_DAY - 3));
    }
    spans.unshift({ start, end: latestEnd });
    latestEnd = start - random.int(60, 1500);
  }

  const periods: Period[] = [];
  let previousEnd = -Infinity;
  spans.forEach((span, position) => {
    const isLast = position === spans.length - 1;
    let startPrecision = weightedPrecision(random, 82, 12, 6);
    let startQualifier: Qualifier = startPrecision !== "DAY" && random.chance(0.5) ? "ON_OR_BEFORE" : "EXACT";
    let start = truncate(span.start, startPrecision);
    if (start <= previousEnd) {
      startPrecision = "DAY";
      startQualifier = "EXACT";
      start = span.start;
    }
    const kind = random.chance(0.07) ? "HOUSE_ARREST" : "DETENTION";
    const period: Period = {
      start,
      end: null,
      kind,
      startPrecision,
      startQualifier,
      endPrecision: null,
      releaseReason: null,
      decree: null,
    };
    if (span.end !== null) {
      let end = span.end;
      let reason = random.weighted([
        ["SENTENCE_SERVED", 30],
        ["MEASURE_CHANGED", 22],
        ["CONDITIONAL_RELEASE", 12],
        ["PARDON", 14],
        ["AMNESTY", 7],
        ["CHARGES_DROPPED", 6],
        ["ACQUITTED", 3],
        ["OTHER", 3],
        ["DEATH_IN_CUSTODY", isLast ? 0.5 : 0],
      ]);
      let decree: Decree | null = null;
      if (reason === "PARDON" || reason === "AMNESTY") {
        decree = kind === "DETENTION" ? decreeWithin(reference.decrees, reason, start + 30, end, random) : null;
        if (decree) end = Math.min(asOf - 1, decree.signed + random.int(0, 3));
        else reason = "SENTENCE_SERVED";
      }
      let endPrecision: Precision = decree ? "DAY" : weightedPrecision(random, 88, 9, 3);
      let storedEnd = truncate(end, endPrecision);
      if (storedEnd < start) {
        endPrecision = "DAY";
        storedEnd = end;
      }
      period.end = storedEnd;
      period.endPrecision = endPrecision;
      period.releaseReason = reason;
      period.decree = decree;
      previousEnd = storedEnd;
    }
    periods.push(period);
  });
  return periods;
}

type CaseContext = {
  random: Random;
  reference: Reference;
  rows: Rows;
  caseId: string;
  lawyers: string[];
};

function pickCourt(random: Random, courts: Court[]): { court: Court; judge: string } {
  const court = random.pick(courts);
  return { court, judge: random.pick(court.judges) };
}

function addHearing(
  context: CaseContext,
  hearing: {
    date: Day;
    kind: string;
    status: "HELD" | "SCHEDULED";
    courts: Court[];
    outcome?: string | null;
    precision?: Precision;
  },
): string {
  const { random, rows } = context;
  const id = random.uuid();
  const { court, judge } = pickCourt(random, hearing.courts);
  const precision = hearing.precision ?? "DAY";
  rows.hearing.push({
    id,
    case_id: context.caseId,
    court_id: court.id,
    judge_id: random.chance(0.85) ? judge : null,
    date: isoOf(truncate(hearing.date, precision)),
    date_precision: precision,
    time_of_day: precision === "DAY" && random.chance(0.65) ? random.pick(TIMES) : null,
    kind: hearing.kind,
    status: hearing.status,
    outcome: hearing.outcome ?? null,
    state: "PUBLISHED",
  });
  if (context.lawyers.length > 0 && hearing.status === "HELD") {
    const present = random.chance(0.15) ? context.lawyers : random.chance(0.8) ? [random.pick(context.lawyers)] : [];
    for (const lawyerId of present) rows.hearing_lawyer.push({ hearing_id: id, lawyer_id: lawyerId });
  }
  return id;
}

function addMotion(
  context: CaseContext,
  hearingId: string,
  position: number,
  motion: { filedBy: string; kind: string; ruling: string; description?: string; note?: string },
): string {
  const { random, rows } = context;
  const id = random.uuid();
  rows.motion.push({
    id,
    hearing_id: hearingId,
    position,
    filed_by: motion.filedBy,
    lawyer_id: motion.filedBy === "DEFENCE" && context.lawyers.length > 0 ? random.pick(context.lawyers) : null,
    kind: motion.kind,
    description: motion.description ?? null,
    ruling: motion.ruling,
    ruling_note: motion.note ?? null,
    state: "PUBLISHED",
  });
  return id;
}

/** Defence motions heard alongside the investigation's: usually dismissed. */
function addDefenceMotions(context: CaseContext, hearingId: string, from: number): void {
  const { random } = context;
  let position = from;
  if (random.chance(0.5)) {
    addMotion(context, hearingId, position++, { filedBy: "DEFENCE", kind: "HOUSE_ARREST_OR_BAIL", ruling: random.chance(0.93) ? "DISMISSED" : "GRANTED" });
  }
  if (random.chance(0.1)) {
    addMotion(context, hearingId, position++, {
      filedBy: "DEFENCE",
      kind: "MEDICAL_EXAMINATION",
      ruling: "NOT_CONSIDERED",
      note: "Not considered; referred to the prosecutor's office.",
    });
  }
}

/**
 * What happens in court while one custody period lasts: the detention hearing, extensions
 * during the investigation, trial sessions, the verdict, the appeal, and a hearing still to
 * come for people held now.
 */
function courtRecord(context: CaseContext, period: Period, periodId: string): void {
  const { random, reference, rows } = context;
  const asOf = reference.asOf;
  const last = period.end ?? asOf;
  const documented = random.chance(0.75);
  const exactStart = period.startPrecision === "DAY";

  if (documented && exactStart) {
    const hearingId = addHearing(context, {
      date: period.start,
      kind: "PRE_TRIAL_DETENTION",
      status: "HELD",
      courts: reference.courts.district,
      outcome: period.kind === "DETENTION" ? "Detention chosen as the measure of restraint." : "House arrest chosen as the measure of restraint.",
    });
    addMotion(context, hearingId, 0, {
      filedBy: "INVESTIGATION",
      kind: period.kind === "DETENTION" ? "OTHER" : "HOUSE_ARREST",
      description: "Motion to choose the measure of restraint",
      ruling: "GRANTED",
    });
    addDefenceMotions(context, hearingId, 1);
  }
  if (period.kind === "HOUSE_ARREST") return;

  // Investigation: detention extended every three to four months until the trial opens.
  const trialOpens = period.start + random.int(90, 420);
  let day = period.start + random.int(80, 120);
  while (documented && exactStart && day < Math.min(trialOpens, last)) {
    const granted = random.chance(0.92);
    const until = day + random.int(60, 120);
    const hearingId = addHearing(context, {
      date: day,
      kind: "DETENTION_EXTENSION",
      status: "HELD",
      courts: reference.courts.district,
      outcome: granted ? `Detention extended until ${isoOf(until)}.` : "Extension refused.",
    });
    const motionId = addMotion(context, hearingId, 0, {
      filedBy: "INVESTIGATION",
      kind: "EXTEND_DETENTION",
      ruling: granted ? "GRANTED" : "DISMISSED",
    });
    if (granted) {
      rows.detention_extension.push({
        id: random.uuid(),
        custody_period_id: periodId,
        hearing_id: hearingId,
        motion_id: motionId,
        ordered_on: isoOf(day),
        until: isoOf(until),
        state: "PUBLISHED",
      });
    }
    addDefenceMotions(context, hearingId, 1);
    day += random.int(85, 125);
  }

  // Trial.
  const trialCourts = random.chance(0.4) ? reference.courts.graveCrimes : reference.courts.district;
  let session = Math.max(trialOpens, day);
  const sessions = documented ? random.int(0, 3) : 0;
  for (let count = 0; count < sessions && session < last; count++) {
    const precision: Precision = random.chance(0.03) ? "MONTH" : "DAY";
    if (truncate(session, precision) < period.start) break;
    const hearingId = addHearing(context, { date: session, kind: "TRIAL_SESSION", status: "HELD", courts: trialCourts, precision });
    if (random.chance(0.35)) {
      addMotion(context, hearingId, 0, {
        filedBy: "DEFENCE",
        kind: random.pick(["RECUSAL", "ADJOURNMENT", "OTHER"]),
        ruling: random.weighted([
          ["DISMISSED", 70],
          ["GRANTED", 15],
          ["POSTPONED", 10],
          ["NOT_CONSIDERED", 5],
        ]),
      });
    }
    session += random.int(14, 40);
  }

  // Verdict: an acquittal ends the period the day it is read; a conviction comes well before
  // a sentence is served.
  const reason = period.releaseReason;
  let verdict: { day: Day; outcome: string } | null = null;
  if (reason === "ACQUITTED" && period.endPrecision === "DAY" && period.end !== null && period.end > period.start) {
    verdict = { day: period.end, outcome: "ACQUITTED" };
  } else if (reason !== "CHARGES_DROPPED" && reason !== "MEASURE_CHANGED" && reason !== "ACQUITTED") {
    const day = session + random.int(7, 40);
    if (day < last && day <= asOf) verdict = { day, outcome: "CONVICTED" };
  }
  if (!verdict) {
    if (period.end === null && random.chance(0.5)) {
      addHearing(context, {
        date: asOf + random.int(1, 45),
        kind: random.pick(["TRIAL_SESSION", "DETENTION_EXTENSION", "PRELIMINARY"]),
        status: "SCHEDULED",
        courts: trialCourts,
      });
    }
    return;
  }

  const months =
    verdict.outcome === "CONVICTED"
      ? period.end === null
        ? random.int(24, 144)
        : Math.max(1, Math.round((period.end - verdict.day) / 30) + random.int(0, 12))
      : null;
  const hearingId = addHearing(context, {
    date: verdict.day,
    kind: "VERDICT",
    status: "HELD",
    courts: trialCourts,
    outcome: months ? `Sentenced to ${months} months' imprisonment.` : "Acquitted.",
  });
  const verdictId = random.uuid();
  const verdictCourt = rows.hearing[rows.hearing.length - 1].court_id;
  rows.verdict.push({
    id: verdictId,
    case_id: context.caseId,
    hearing_id: hearingId,
    court_id: verdictCourt,
    date: isoOf(verdict.day),
    date_precision: "DAY",
    outcome: verdict.outcome,
    sentence_kind: months ? "IMPRISONMENT" : null,
    sentence_months: months,
    state: "PUBLISHED",
  });

  if (!months || !random.chance(0.55)) return;
  const filed = verdict.day + random.int(10, 30);
  if (filed > asOf) return;
  const decided = filed + random.int(40, 200);
  const appealCourt = pickCourt(random, reference.courts.appeal).court;
  if (decided <= asOf) {
    let result = random.weighted([
      ["UPHELD", 75],
      ["REDUCED", 14],
      ["OVERTURNED", 3],
      ["RETURNED_FOR_RETRIAL", 8],
    ]);
    if (result === "REDUCED" && months < 2) result = "UPHELD";
    const newMonths = result === "REDUCED" ? months - random.int(1, Math.min(months - 1, 24)) : null;
    rows.appeal.push({
      id: random.uuid(),
      verdict_id: verdictId,
      court_id: appealCourt.id,
      filed_date: isoOf(filed),
      decided_date: isoOf(decided),
      result,
      new_sentence_months: newMonths,
      state: "PUBLISHED",
    });
    addHearing(context, { date: decided, kind: "APPEAL", status: "HELD", courts: [appealCourt], outcome: `Appeal: ${result.toLowerCase().replace(/_/g, " ")}.` });
  } else {
    rows.appeal.push({
      id: random.uuid(),
      verdict_id: verdictId,
      court_id: appealCourt.id,
      filed_date: isoOf(filed),
      decided_date: null,
      result: "PENDING",
      new_sentence_months: null,
      state: "PUBLISHED",
    });
    if (decided <= asOf + 60) addHearing(context, { date: decided, kind: "APPEAL", status: "SCHEDULED", courts: [appealCourt] });
  }
}

function nameForms(name: PersonName, fullName: string, random: Random): Omit<Row<"prisoner_name">, "id" | "prisoner_id">[] {
  const forms: Omit<Row<"prisoner_name">, "id" | "prisoner_id">[] = [
    { value: shortForm(name, "native"), kind: "NATIVE_SCRIPT", script: "Latn", language: "az" },
    { value: shortForm(name, "latin"), kind: "TRANSLITERATION", script: "Latn", language: "en" },
  ];
  if (random.chance(0.55)) forms.push({ value: shortForm(name, "cyrillic"), kind: "TRANSLITERATION", script: "Cyrl", language: "ru" });
  if (random.chance(0.2)) {
    const alias = `${name.given.variant ?? name.given.latin} ${name.family.variant ?? name.family.latin}`;
    forms.push({ value: alias, kind: "ALIAS", script: "Latn", language: null });
  }
  const seen = new Set([fullName]);
  return forms.filter((form) => {
    const value = form.value as string;
    if (seen.has(value)) return false;
    seen.add(value);
    return true;
  });
}

/** Appends one prisoner and their whole record to rows. */
export function generatePrisoner(reference: Reference, index: number, rows: Rows, links: LawyerLink[]): void {
  const { seed } = reference.options;
  const random = new Random(seed, PRISONER_STREAM, index);
  const id = prisonerId(seed, index);
  const asOf = reference.asOf;

  const lawyerIndex = lawyerPrisonerOf(reference, index);
  const lawyer = lawyerIndex === null ? null : reference.lawyers[lawyerIndex];
  const gender = random.weighted<Gender | "UNSPECIFIED">([
    ["MALE", 70],
    ["FEMALE", 28],
    ["UNSPECIFIED", 2],
  ]);
  const nameGender: Gender = gender === "FEMALE" ? "FEMALE" : "MALE";
  const name = lawyer ? lawyer.name : personName(random, nameGender);
  const spelling = random.chance(0.4) ? "native" : "latin";
  const fullName = lawyer
    ? lawyer.fullName
    : random.chance(0.2)
      ? officialForm(name, nameGender, spelling)
      : shortForm(name, spelling);
  if (lawyer) links.push({ lawyerId: lawyer.id, prisonerId: id });

  const periods = custodyTimeline(random, reference);
  const firstYear = yearOf(periods[0]?.start ?? asOf);

  const categories = new Set<string>();
  if (lawyer) categories.add(reference.categories.find((category) => category.slug === "lawyer")!.id);
  categories.add(random.pick(reference.categories).id);
  if (random.chance(0.25)) categories.add(random.pick(reference.categories).id);

  const birthKnown = random.chance(0.8);
  const birthPrecision = weightedPrecision(random, 55, 10, 35);
  const birthYear = random.int(1950, Math.min(2004, firstYear - 16));
  const birth = truncate(Date.UTC(birthYear, random.int(0, 11), random.int(1, 28)) / 86_400_000, birthPrecision);
  rows.prisoner.push({
    id,
    slug: `${slugify(shortForm(name, "latin"))}-${index.toString(36)}`,
    full_name: fullName,
    gender,
    birth_date: birthKnown ? isoOf(birth) : null,
    birth_precision: birthKnown ? birthPrecision : null,
    biography: `${fullName} is an invented person ${FICTITIOUS_MARKER} in the synthetic data set Habeas uses to measure itself at scale. No real person is meant.`,
    state: random.weighted([
      ["PUBLISHED", 95],
      ["DRAFT", 4],
      ["ARCHIVED", 1],
    ]),
  });
  for (const form of nameForms(name, fullName, random)) rows.prisoner_name.push({ id: random.uuid(), prisoner_id: id, ...form });
  for (const categoryId of categories) rows.prisoner_category.push({ prisoner_id: id, category_id: categoryId });
  if (random.chance(0.08)) {
    rows.prisoner_private.push({ prisoner_id: id, internal_notes: `Internal note on a synthetic record ${FICTITIOUS_MARKER}: never public.` });
  }
  if (random.chance(0.25)) {
    const since = random.chance(0.7);
    rows.affiliation.push({
      id: random.uuid(),
      prisoner_id: id,
      organization_id: random.pick(reference.memberships),
      role: random.pick(["Member", "Board member", "Coordinator", null]),
      since_date: since ? `${random.int(2000, yearOf(asOf))}-01-01` : null,
      since_precision: since ? "YEAR" : null,
    });
  }
  const firstDetention = periods.find((period) => period.kind === "DETENTION");
  if (firstDetention && random.chance(0.6)) {
    const precision: Precision = random.chance(0.6) ? "MONTH" : "DAY";
    const since = truncate(Math.min(asOf, firstDetention.start + random.int(30, 400)), precision);
    rows.recognition.push({
      id: random.uuid(),
      prisoner_id: id,
      organization_id: random.pick(reference.recognizers),
      since_date: isoOf(Math.max(since, firstDetention.start)),
      since_precision: since >= firstDetention.start ? precision : "DAY",
      url: null,
      state: "PUBLISHED",
    });
  }

  periods.forEach((period, position) => {
    const caseId = random.uuid();
    const opened = truncate(Math.max(FIRST_DAY, period.start - random.int(0, 45)), period.startPrecision);
    const caseNumber = `${yearOf(opened)}${position}${random.int(10000, 99999)}`;
    rows.criminal_case.push({
      id: caseId,
      prisoner_id: id,
      title: `Criminal case No. ${caseNumber} ${FICTITIOUS_MARKER}`,
      case_number: caseNumber,
      prosecuting_body: random.pick(PROSECUTING_BODIES),
      opened_date: isoOf(opened),
      opened_precision: period.startPrecision,
      state: "PUBLISHED",
    });
    const articles = new Set<string>();
    const chargeCount = random.weighted([
      [1, 50],
      [2, 35],
      [3, 15],
    ]);
    while (articles.size < chargeCount) articles.add(random.weighted(reference.articles.map((article) => [article.id, article.weight] as const)));
    for (const articleId of articles) {
      rows.charge.push({ id: random.uuid(), case_id: caseId, article_id: articleId, description: null, state: "PUBLISHED" });
    }
    if (random.chance(0.05)) {
      rows.charge.push({ id: random.uuid(), case_id: caseId, article_id: null, description: `A charge the source describes without an article ${FICTITIOUS_MARKER}`, state: "PUBLISHED" });
    }
    const lawyers = new Set<string>();
    const lawyerCount = random.weighted([
      [0, 10],
      [1, 60],
      [2, 30],
    ]);
    while (lawyers.size < lawyerCount) lawyers.add(reference.lawyers[random.skewedIndex(reference.lawyers.length)].id);
    for (const lawyerId of lawyers) {
      rows.case_lawyer.push({ case_id: caseId, lawyer_id: lawyerId, since_date: isoOf(opened), since_precision: period.startPrecision });
    }

    const periodId = random.uuid();
    rows.custody_period.push({
      id: periodId,
      prisoner_id: id,
      case_id: caseId,
      kind: period.kind,
      start_date: isoOf(period.start),
      start_precision: period.startPrecision,
      start_qualifier: period.startQualifier,
      end_date: period.end === null ? null : isoOf(period.end),
      end_precision: period.endPrecision,
      release_reason: period.releaseReason,
      release_decree_id: period.decree?.id ?? null,
      state: "PUBLISHED",
    });
    if (period.decree) rows.decree_beneficiary.push({ decree_id: period.decree.id, prisoner_id: id });

    if (period.kind === "DETENTION") {
      const first = random.chance(0.75) ? reference.facilities.preTrial : reference.facilities.police;
      rows.placement.push({
        id: random.uuid(),
        custody_period_id: periodId,
        facility_id: random.pick(first),
        from_date: isoOf(period.start),
        from_precision: period.startPrecision,
        from_qualifier: period.startQualifier,
        state: "PUBLISHED",
      });
      const last = period.end ?? asOf;
      const room = last - period.start;
      const transfers = room > 30 ? random.int(0, Math.min(3, Math.floor(room / 365))) : 0;
      const days = new Set<Day>();
      for (let count = 0; count < transfers; count++) days.add(period.start + random.int(1, room - 1));
      for (const day of [...days].sort((a, b) => a - b)) {
        rows.placement.push({
          id: random.uuid(),
          custody_period_id: periodId,
          facility_id: random.pick(random.chance(0.05) ? reference.facilities.medical : reference.facilities.prison),
          from_date: isoOf(day),
          from_precision: "DAY",
          from_qualifier: "EXACT",
          state: "PUBLISHED",
        });
      }
    }

    courtRecord({ random, reference, rows, caseId, lawyers: [...lawyers] }, period, periodId);
  });

  rows.citation.push({ id: random.uuid(), source_id: SCALE_SOURCE_ID, excerpt: `Synthetic record ${FICTITIOUS_MARKER}`, prisoner_id: id });
}

/** Prisoners [from, to) appended to rows. */
export function generatePrisoners(reference: Reference, from: number, to: number, rows: Rows, links: LawyerLink[]): void {
  for (let index = from; index < to; index++) generatePrisoner(reference, index, rows, links);
}

/** Advocacy updates (demonstrations, awards, appeals...) each about one or several prisoners. */
export function generateUpdates(reference: Reference, rows: Rows): void {
  const { seed, prisoners } = reference.options;
  const count = Math.max(1, Math.round(prisoners * 0.04));
  const asOf = reference.asOf;
  for (let index = 0; index < count; index++) {
    const random = new Random(seed, UPDATE_STREAM, index);
    const id = random.uuid();
    const kind = random.weighted([
      ["DEMONSTRATION", 30],
      ["STATEMENT", 25],
      ["APPEAL", 15],
      ["PETITION", 15],
      ["AWARD", 5],
      ["OTHER", 10],
    ]);
    const precision: Precision = random.chance(0.85) ? "DAY" : "MONTH";
    const date = truncate(FIRST_DAY + random.int(0, asOf - FIRST_DAY), precision);
    const city = random.pick(reference.cities);
    const people = new Set<number>();
    const size = random.weighted([
      [1, 40],
      [2, 20],
      [5, 20],
      [10, 15],
      [25, 5],
    ]);
    while (people.size < Math.min(size, prisoners)) people.add(random.int(0, prisoners - 1));
    rows.advocacy_update.push({
      id,
      kind,
      title: `${kind.charAt(0)}${kind.slice(1).toLowerCase()} in ${city} for ${people.size === 1 ? "one prisoner" : `${people.size} prisoners`} ${FICTITIOUS_MARKER}`,
      body: `A synthetic advocacy update ${FICTITIOUS_MARKER}.`,
      date: isoOf(date),
      date_precision: precision,
      location: city,
      state: random.chance(0.95) ? "PUBLISHED" : "DRAFT",
    });
    for (const person of people) rows.update_prisoner.push({ update_id: id, prisoner_id: prisonerId(seed, person) });
  }
}
