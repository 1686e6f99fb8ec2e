
/**
 * Hostile text and leak canaries for the security end-to-end tests (e2e/stored-xss.spec.ts,
 * e2e/leak-canaries.spec.ts) and the scripts that seed them (e2e/support/seed-*.ts).
 *
 * Plain strings only, so that Playwright's test files can import it; the fields these go into
 * come from the admin's form definitions (./hostile-forms.ts).
 */

/** The function every payload calls when it runs; the XSS test exposes it with page.exposeBinding. */
export const XSS_BINDING = "__xss";

export type TextFieldKind = "text" | "textarea" | "url" | "lines";

const RTL_ZERO_WIDTH =
  "\u202Eevil.exe\u202C \u200B\u200C\u200D\u2060\uFEFF \u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627 \u2067isolate\u2069";

/**
 * Hostile strings, shortest first; each calls the binding with `token` if it ever runs. None
 * has two spaces in a row or a line break, so the text a browser shows is the text stored.
 */
export function hostileVariants(token: string): string[] {
  const call = `${XSS_BINDING}('${token}')`;
  return [
    `<svg onload=${call}>`,
    `<script>${call}</script>`,
    `<img src=x onerror=${call}>`,
    `javascript:${call}`,
    `'><img src=x onerror=alert('${token}')>`,
    `</script><script>${call}</script>`,
    `"><iframe srcdoc="<script>parent.${call}</script>"></iframe>`,
    `[link](javascript:${call}) ![x](x" onerror="${call})`,
    `<a href="javascript:${call}">link</a>`,
    `<math><mtext><table><mglyph><style><img src=x onerror=${call}>`,
    `{{constructor.constructor('${call}')()}} \${${call}}`,
  ];
}

/** A recognisable word that starts every hostile value, so a search can find the record. */
export const hostilePrefix = (token: string) => `Hx${token}`;

/**
 * The hostile value for one field: as many payloads as fit in `maxLength`, and in long fields
 * a long right-to-left and zero-width tail. A URL field's first attempt is a javascript: URL.
 */
export function hostileValue(token: string, field: { kind: TextFieldKind; maxLength: number }): string {
  if (field.kind === "url") return `javascript:${XSS_BINDING}('${token}')`;
  const variants = hostileVariants(token);
  if (field.kind === "lines") return variants.slice(0, 3).map((line) => `${hostilePrefix(token)} ${line}`).join("\n");
  // Every value starts as a link would: a field shown as a link must not make it one.
  let value = `javascript:${XSS_BINDING}('${token}')// ${hostilePrefix(token)}`;
  for (const variant of variants.filter((variant) => !variant.startsWith("javascript:"))) {
    if (value.length + 1 + variant.length <= field.maxLength) value += ` ${variant}`;
  }
  if (field.maxLength >= 2000) value += ` ${Array.from({ length: 12 }, () => RTL_ZERO_WIDTH).join(" ")}`;
  return value;
}

/**
 * What a field whose hostile value validation refused is saved with instead, so that the fields
 * that depend on it (an article's title needs its number) are stored: empty unless named here.
 */
export const acceptedInstead: Record<string, string> = { article: "234.4.3", country: "AZ" };

/** A web address that validation accepts but that carries markup in it: must be rendered inert. */
export function hostileWebAddress(token: string): string {
  return `https://example.org/${token}"><svg/onload=${XSS_BINDING}('${token}')>?q='-alert('${token}')-'`;
}

// ---------------------------------------------------------------------------------------------
// Leak canaries

/**
 * One run's canaries share a marker made only of letters and digits, so that HTML, JSON, XML,
 * CSV and URL encoding all leave it as it is: a body holds a canary if it holds the marker.
 */
export function canaryMarker(runId: string): string {
  return `cnry${runId.replace(/[^a-z0-9]/gi, "").toLowerCase()}`;
}

/** A canary for one field: the marker, the field, and some text so it reads as a value would. */
export function canaryValue(marker: string, label: string, maxLength = 2000): string {
  const value = `${marker} ${label} private canary`;
  return value.length <= maxLength ? value : `${marker}${label}`.slice(0, maxLength);
}

/** Where in `body` the marker appears (case-insensitive), with some context, or null. */
export function findCanary(body: string, marker: string): string | null {
  const at = body.toLowerCase().indexOf(marker.toLowerCase());
  return at < 0 ? null : body.slice(Math.max(0, at - 80), at + 120);
}
