/**
 * A slug for a record created by name (a court, a lawyer): lower-case ASCII words joined by
 * hyphens, as the database's slug rules require. Azerbaijani letters that do not decompose
 * are spelled out first; anything left that is not a letter or digit separates words.
 */
const SPELLED: Record<string, string> = { ə: "e", Ə: "e", ı: "i", İ: "i", ğ: "g", Ğ: "g", ş: "s", Ş: "s", ç: "c", Ç: "c" };

export function slugFrom(text: string, fallback = "record"): string {
  const slug = text
    .replace(/[əƏıİğĞşŞçÇ]/g, (letter) => SPELLED[letter])
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100)
    .replace(/-+$/, "");
  return slug || fallback;
}
