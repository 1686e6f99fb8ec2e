import "server-only";
import { getLocale } from "next-intl/server";
import { hasLocale } from "next-intl";
import { routing, type Locale } from "@/i18n/routing";
import { wording, type Wording } from "./wording";

/** The request's language, as the address gave it. */
export async function currentLocale(): Promise<Locale> {
  const locale = await getLocale();
  return hasLocale(routing.locales, locale) ? locale : routing.defaultLocale;
}

/** The wording helpers in the request's language. */
export async function getWording(): Promise<Wording> {
  return wording(await currentLocale());
}
