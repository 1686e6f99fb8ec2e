import type { Random } from "./random";

/**
 * Obviously fictitious names, built from invented syllables ("Zörvəx Quındralova",
 * "Thravel Skorvanlı"). They are spelt the Azerbaijani way (ə, ı, ş, ç, ğ, ö, ü), then written
 * out as English-language sources do (Zorvex Quindralova) and in Cyrillic (Зорвах Гуындралова),
 * so that search meets the same variety as real records. No generated name is the name of a
 * real person: tokens of the demo data set's names are refused outright (realNameTokens).
 */

const ONSETS = ["z", "v", "q", "x", "th", "dr", "kr", "br", "gl", "sk", "t", "m", "n", "r", "l", "s", "ş", "ç", "vr", "zd"];
const NUCLEI = ["a", "e", "ə", "i", "ı", "o", "ö", "u", "ü"];
const CODAS = ["", "", "n", "r", "l", "x", "z", "v", "rn", "lt", "sk"];

const GIVEN_ENDINGS = { MALE: ["ar", "ex", "om", "ık", "ul", "əz"], FEMALE: ["a", "ela", "ina", "ə", "ira", "ünə"] };
const SURNAME_ENDINGS = { MALE: ["ov", "ev", "li", "zadə", "lı", "ov"], FEMALE: ["ova", "eva", "li", "zadə", "lı", "ova"] };

/**
 * Given and family names of the real people in the demo data set (docs/domain.md), in every
 * spelling the demo uses. A generated name containing one of them is drawn again.
 */
export const REAL_NAME_TOKENS: readonly string[] = [
  "leyla", "yunus", "intigam", "intiqam", "aliyev", "aliev", "khadija", "xadija", "ismayilova",
  "ilgar", "mammadov", "tofig", "yagublu", "shahin", "sahin", "novruzlu", "bakhtiyar", "guliev",
  "elsevar", "mursalli", "hasan", "huseynli", "alayif", "alaif", "hasanov",
];

export type Gender = "MALE" | "FEMALE";

export type GeneratedName = {
  /** Azerbaijani spelling, with its letters (ə, ı, ş...). */
  native: string;
  /** As English-language sources write it: ASCII only. */
  latin: string;
  cyrillic: string;
  /** A second Latin spelling sources also use (g for q, kh for x), when it differs. */
  variant: string | null;
};

export type PersonName = {
  given: GeneratedName;
  family: GeneratedName;
  /** Father's given name, for the official form "Family Given Father oğlu/qızı". */
  father: GeneratedName;
};

const LATIN: Record<string, string> = { ə: "e", ı: "i", ş: "sh", ç: "ch", ğ: "gh", ö: "o", ü: "u" };

/** English-language transliteration of an Azerbaijani spelling. */
export function toLatin(native: string): string {
  let out = "";
  for (const char of native) {
    const lower = char.toLowerCase();
    const mapped = LATIN[lower];
    if (mapped === undefined) out += char;
    else out += char === lower ? mapped : mapped[0].toUpperCase() + mapped.slice(1);
  }
  return out;
}

const CYRILLIC: Record<string, string> = {
  a: "а", b: "б", c: "дж", ç: "ч", d: "д", e: "е", ə: "а", f: "ф", g: "г", ğ: "г", h: "х", x: "х",
  ı: "ы", i: "и", j: "ж", k: "к", q: "г", l: "л", m: "м", n: "н", o: "о", ö: "ё", p: "п", r: "р",
  s: "с", ş: "ш", t: "т", u: "у", ü: "ю", v: "в", y: "й", z: "з",
};

/** Russian-style Cyrillic spelling, as Russian-language media write Azerbaijani names. */
export function toCyrillic(native: string): string {
  const words = native.split(" ").map((word) => {
    let out = "";
    const lower = word.toLowerCase().replace(/th/g, "t");
    for (const char of lower) out += CYRILLIC[char] ?? char;
    return out.charAt(0).toUpperCase() + out.slice(1);
  });
  return words.join(" ");
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function syllable(random: Random): string {
  return random.pick(ONSETS) + random.pick(NUCLEI) + random.pick(CODAS);
}

function spellings(native: string): GeneratedName {
  const latin = toLatin(native);
  const variant = latin.replace(/q/g, "g").replace(/Q/g, "G").replace(/x/g, "kh").replace(/X/g, "Kh");
  return { native, latin, cyrillic: toCyrillic(native), variant: variant === latin ? null : variant };
}

function isReal(name: GeneratedName): boolean {
  const forms = [name.native, name.latin, name.variant ?? ""].map((form) => form.toLowerCase());
  return forms.some((form) => REAL_NAME_TOKENS.some((token) => form.includes(token)));
}

function draw(build: () => string): GeneratedName {
  for (;;) {
    const name = spellings(build());
    if (!isReal(name)) return name;
  }
}

export function givenName(random: Random, gender: Gender): GeneratedName {
  return draw(() => capitalise(syllable(random) + random.pick(GIVEN_ENDINGS[gender])));
}

export function familyName(random: Random, gender: Gender): GeneratedName {
  return draw(() => capitalise(syllable(random) + syllable(random) + random.pick(SURNAME_ENDINGS[gender])));
}

export function personName(random: Random, gender: Gender): PersonName {
  return { given: givenName(random, gender), family: familyName(random, gender), father: givenName(random, "MALE") };
}

/** "Given Family" in one spelling. */
export function shortForm(name: PersonName, spelling: "native" | "latin" | "cyrillic"): string {
  return `${name.given[spelling]} ${name.family[spelling]}`;
}

/** The official form with patronymic: "Family Given Father oğlu" (Latin: "oglu", "qizi"). */
export function officialForm(name: PersonName, gender: Gender, spelling: "native" | "latin"): string {
  const particle = gender === "MALE" ? (spelling === "native" ? "oğlu" : "oglu") : spelling === "native" ? "qızı" : "qizi";
  return `${name.family[spelling]} ${name.given[spelling]} ${name.father[spelling]} ${particle}`;
}

/** Lower-case ASCII words joined by hyphens (the slug rule). */
export function slugify(text: string): string {
  return toLatin(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
