import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import az from "@/messages/az.json";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";

type Catalogue = { [key: string]: string | Catalogue };

/** Every message of a catalogue by its dotted key: { "nav.prisoners": "Prisoners", ... }. */
function flatten(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const messages = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") messages.set(path, value);
    else for (const [inner, text] of flatten(value, path)) messages.set(inner, text);
  }
  return messages;
}

/** The arguments and tags a message uses, with their kind: "count:plural", "date:argument", "link:tag". */
function placeholders(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
        found.add(`${element.value}:argument`);
        break;
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        found.add(`${element.value}:${TYPE[element.type]}`);
        break;
      case TYPE.plural:
      case TYPE.select:
        found.add(`${element.value}:${element.type === TYPE.plural ? "plural" : "select"}`);
        for (const option of Object.values(element.options)) placeholders(option.value, found);
        break;
      case TYPE.tag:
        found.add(`${element.value}:tag`);
        placeholders(element.children, found);
        break;
      default:
        break;
    }
  }
  return found;
}

/** The plural categories a language needs for cardinal numbers (Russian: one, few, many, other). */
function pluralCategories(locale: string): string[] {
  return new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
}

/** Every plural in a message, with the categories it offers. */
function plurals(elements: MessageFormatElement[], found: { name: string; options: string[] }[] = []) {
  for (const element of elements) {
    if (element.type === TYPE.plural) {
      found.push({ name: element.value, options: Object.keys(element.options) });
    }
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) plurals(option.value, found);
    }
    if (element.type === TYPE.tag) plurals(element.children, found);
  }
  return found;
}

const reference = flatten(en);
const catalogues = { en, az, ru } as const;

describe("message catalogues", () => {
  it.each(["az", "ru"] as const)("%s has exactly the keys of en.json", (locale) => {
    const keys = [...flatten(catalogues[locale]).keys()].sort();
    expect(keys).toEqual([...reference.keys()].sort());
  });

  it.each(["en", "az", "ru"] as const)("every %s message is valid ICU", (locale) => {
    for (const [key, message] of flatten(catalogues[locale])) {
      expect(() => parse(message), `${locale} ${key}`).not.toThrow();
    }
  });

  it.each(["az", "ru"] as const)("%s messages use the same placeholders and tags as English", (locale) => {
    for (const [key, message] of flatten(catalogues[locale])) {
      const expected = [...placeholders(parse(reference.get(key) ?? ""))].sort();
      expect([...placeholders(parse(message))].sort(), `${locale} ${key}`).toEqual(expected);
    }
  });

  it.each(["en", "az", "ru"] as const)("every plural in %s offers each form the language needs", (locale) => {
    const needed = pluralCategories(locale);
    for (const [key, message] of flatten(catalogues[locale])) {
      for (const plural of plurals(parse(message))) {
        // An exact match (=0) may stand in for no category; "other" is always required.
        const categories = plural.options.filter((option) => !option.startsWith("="));
        if (categories.length === 0) continue;
        expect(categories, `${locale} ${key} {${plural.name}}`).toEqual(expect.arrayContaining(needed));
      }
    }
  });

  it("no message is left empty", () => {
    for (const [locale, catalogue] of Object.entries(catalogues)) {
      for (const [key, message] of flatten(catalogue)) expect(message.trim(), `${locale} ${key}`).not.toBe("");
    }
  });
});
