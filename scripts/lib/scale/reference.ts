import { dayOf, isoOf, type Day } from "./days";
import { familyName, personName, shortForm, slugify, type GeneratedName, type PersonName } from "./names";
import { Random, hashText } from "./random";
import { emptyRows, type Rows } from "./tables";

/**
 * Reference data of the synthetic data set: the source every synthetic fact cites, categories,
 * organizations, criminal code articles, facilities, courts, judges, lawyers and decrees.
 * Everything invented is marked "(fictitious)"; the criminal code articles are the real
 * articles of the Criminal Code of the Republic of Azerbaijan that such cases cite.
 */

/** The source every synthetic record cites; its presence marks a database as the scale seed's. */
export const SCALE_SOURCE_ID = "5ca1e000-0000-4000-8000-000000000001";

/** Marks every generated prisoner's biography. */
export const FICTITIOUS_MARKER = "(fictitious)";

export const FIRST_DAY = dayOf("2000-01-01");

export type ScaleOptions = {
  seed: number;
  prisoners: number;
  /** The day the data set is generated as of: nothing held happens after it. */
  asOf: string;
};

export type Court = { id: string; kind: "DISTRICT" | "APPEAL" | "GRAVE_CRIMES" | "SUPREME" | "INTERNATIONAL" | "OTHER"; judges: string[] };
export type Decree = { id: string; kind: "PARDON" | "AMNESTY"; signed: Day };
export type Lawyer = { id: string; name: PersonName; fullName: string };

export type Reference = {
  options: ScaleOptions;
  asOf: Day;
  rows: Rows;
  categories: { id: string; slug: string }[];
  memberships: string[];
  recognizers: string[];
  articles: { id: string; weight: number }[];
  facilities: { preTrial: string[]; prison: string[]; police: string[]; medical: string[] };
  courts: { district: Court[]; appeal: Court[]; graveCrimes: Court[] };
  cities: string[];
  lawyers: Lawyer[];
  /** Sorted by signing day. */
  decrees: Decree[];
};

const CATEGORIES = [
  ["journalist", "Journalist or blogger"],
  ["human-rights-defender", "Human rights defender"],
  ["opposition-politician", "Opposition politician"],
  ["religious-believer", "Religious believer"],
  ["youth-activist", "Youth activist"],
  ["civic-activist", "Civic activist"],
  ["lawyer", "Lawyer"],
] as const;

/** Article, title, and how often such cases cite it (relative weight). */
const ARTICLES: [string, string, number][] = [
  ["178.3.2", "Fraud causing considerable damage", 4],
  ["179.3.2", "Misappropriation or embezzlement on a large scale", 3],
  ["192.2.2", "Illegal entrepreneurship", 3],
  ["193-1.3.2", "Legalisation of property obtained by criminal means", 2],
  ["206.3.2", "Smuggling by a group", 4],
  ["213.1", "Tax evasion", 3],
  ["220.1", "Mass disorder", 3],
  ["221.3", "Hooliganism with a weapon or an object used as a weapon", 6],
  ["228.1", "Illegal acquisition or possession of firearms", 4],
  ["233", "Organising or taking part in actions that violate public order", 6],
  ["234.1", "Illegal possession of narcotic drugs without intent to sell", 5],
  ["234.4.3", "Illegal possession of narcotic drugs in large amounts for sale", 8],
  ["274", "High treason", 2],
  ["283.1", "Incitement of national, racial, social or religious hatred", 3],
  ["308.1", "Abuse of official powers", 2],
  ["313", "Official forgery", 2],
  ["315.2", "Violence against a representative of authority", 4],
  ["318.1", "Illegal crossing of the state border", 2],
];

export const PROSECUTING_BODIES = [
  "Prosecutor General's Office",
  "Ministry of Internal Affairs",
  "State Security Service",
  "Main Police Department of the capital",
  "Investigation department of a district police office",
];

function syllableWord(random: Random): GeneratedName {
  return familyName(random, "MALE");
}

export function generateReference(options: ScaleOptions): Reference {
  const random = new Random(options.seed, hashText("reference"));
  const rows = emptyRows();
  const asOf = dayOf(options.asOf);

  rows.source.push({
    id: SCALE_SOURCE_ID,
    kind: "OTHER",
    title: `Synthetic data set for load testing ${FICTITIOUS_MARKER}`,
    url: null,
    publisher: "Habeas scale seed (npm run db:seed:scale)",
    published_date: options.asOf,
    published_precision: "DAY",
    archived_copy: `generated with seed ${options.seed}`,
    state: "PUBLISHED",
  });

  const categories = CATEGORIES.map(([slug, name]) => {
    const id = random.uuid();
    rows.category.push({ id, slug, name });
    return { id, slug };
  });

  const cities = Array.from({ length: 30 }, () => syllableWord(random).latin.replace(/(ov|ev|li|zade)$/, "an"));
  const uniqueCities = [...new Set(cities)];

  const organization = (name: string, kind: string) => {
    const id = random.uuid();
    rows.organization.push({ id, name, kind, url: null });
    return id;
  };
  const memberships = Array.from({ length: 25 }, (_, index) => {
    const [label, kind] = random.pick([
      ["Civic Movement", "CIVIC_MOVEMENT"],
      ["Party", "POLITICAL_PARTY"],
      ["Newspaper", "MEDIA"],
      ["Community", "RELIGIOUS"],
      ["Youth Union", "CIVIC_MOVEMENT"],
    ] as const);
    return organization(`${syllableWord(random).latin} ${label} ${index + 1} ${FICTITIOUS_MARKER}`, kind);
  });
  const recognizers = Array.from({ length: 5 }, (_, index) =>
    organization(
      `${syllableWord(random).latin} ${index % 2 === 0 ? "Human Rights Centre" : "Political Prisoners Committee"} ${FICTITIOUS_MARKER}`,
      index % 2 === 0 ? "NGO" : "INTERNATIONAL_BODY",
    ),
  );

  const articles = ARTICLES.map(([article, title, weight]) => {
    const id = random.uuid();
    rows.criminal_code_article.push({ id, article, title });
    return { id, weight };
  });

  const facilities: Reference["facilities"] = { preTrial: [], prison: [], police: [], medical: [] };
  const facilityPlan = [
    ["PRE_TRIAL_DETENTION_CENTRE", "Pre-Trial Detention Centre", 40, facilities.preTrial],
    ["PRISON", "Penitentiary Institution", 120, facilities.prison],
    ["POLICE_STATION", "Police Station", 25, facilities.police],
    ["MEDICAL", "Prison Hospital", 10, facilities.medical],
    ["OTHER", "Temporary Holding Unit", 5, [] as string[]],
  ] as const;
  for (const [kind, label, count, list] of facilityPlan) {
    for (let number = 1; number <= count; number++) {
      const id = random.uuid();
      const city = random.pick(uniqueCities);
      const name = `${city} ${label} No. ${number} ${FICTITIOUS_MARKER}`;
      rows.facility.push({
        id,
        slug: slugify(`${label} ${number} ${city}`),
        name,
        aliases: [`${label} No. ${number}`],
        kind,
        postal_address: `${random.int(1000, 9999)} ${city}, ${syllableWord(random).latin} street ${random.int(1, 120)} ${FICTITIOUS_MARKER}`,
        city,
        country: "AZ",
        state: "PUBLISHED",
      });
      list.push(id);
    }
  }

  const courts: Reference["courts"] = { district: [], appeal: [], graveCrimes: [] };
  const courtPlan = [
    ["DISTRICT", "District Court", 40, courts.district],
    ["APPEAL", "Court of Appeal", 8, courts.appeal],
    ["GRAVE_CRIMES", "Grave Crimes Court", 6, courts.graveCrimes],
    ["SUPREME", "Supreme Court", 1, [] as Court[]],
    ["INTERNATIONAL", "International Court of Petitions", 1, [] as Court[]],
    ["OTHER", "Military Court", 4, [] as Court[]],
  ] as const;
  for (const [kind, label, count, list] of courtPlan) {
    for (let number = 1; number <= count; number++) {
      const id = random.uuid();
      const city = random.pick(uniqueCities);
      rows.court.push({
        id,
        slug: slugify(`${city} ${label} ${number}`),
        name: `${city} ${label} ${count > 1 ? `No. ${number} ` : ""}${FICTITIOUS_MARKER}`,
        aliases: [],
        kind,
        city,
        country: kind === "INTERNATIONAL" ? null : "AZ",
        state: "PUBLISHED",
      });
      const court: Court = { id, kind, judges: [] };
      // About 300 judges, five to a court.
      for (let seat = 0; seat < 5; seat++) {
        const judgeId = random.uuid();
        const name = personName(random, random.chance(0.3) ? "FEMALE" : "MALE");
        rows.judge.push({ id: judgeId, full_name: shortForm(name, "latin"), court_id: id, state: "PUBLISHED" });
        court.judges.push(judgeId);
      }
      list.push(court);
    }
  }

  const lawyers: Lawyer[] = [];
  for (let index = 0; index < 2000; index++) {
    const id = random.uuid();
    const gender = random.chance(0.35) ? "FEMALE" : "MALE";
    const name = personName(random, gender);
    const fullName = shortForm(name, "latin");
    const aliases = [shortForm(name, "native"), shortForm(name, "cyrillic")].filter((alias) => alias !== fullName);
    rows.lawyer.push({ id, slug: `${slugify(fullName)}-${index.toString(36)}`, full_name: fullName, aliases, state: "PUBLISHED" });
    lawyers.push({ id, name, fullName });
  }

  // About fifty decrees, each freeing many people, spread over the period.
  const decrees: Decree[] = [];
  const decreeSpan = asOf - 60 - dayOf("2001-01-01");
  for (let index = 0; index < 50; index++) {
    const signed = dayOf("2001-01-01") + Math.floor(((index + random.float()) / 50) * decreeSpan);
    const kind = random.chance(0.7) ? "PARDON" : "AMNESTY";
    const id = random.uuid();
    const number = `${random.int(100, 2999)}`;
    rows.decree.push({
      id,
      kind,
      title: `${kind === "PARDON" ? "Pardon" : "Amnesty"} decree No. ${number} of ${isoOf(signed)} ${FICTITIOUS_MARKER}`,
      number,
      signed_date: isoOf(signed),
      signed_precision: "DAY",
      signed_by: `Head of State ${FICTITIOUS_MARKER}`,
      state: "PUBLISHED",
    });
    decrees.push({ id, kind, signed });
  }

  return {
    options,
    asOf,
    rows,
    categories,
    memberships,
    recognizers,
    articles,
    facilities,
    courts,
    cities: uniqueCities,
    lawyers,
    decrees,
  };
}
