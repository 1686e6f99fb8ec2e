import az from "@/messages/az.json";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import type { Locale } from "./routing";

export type Messages = typeof en;

/** Every catalogue, by locale. en.json is the reference: the others have exactly its keys (tested). */
export const catalogues: Record<Locale, Messages> = { en, az, ru };
