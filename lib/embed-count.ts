import { createHash } from "node:crypto";
import type { PublicCount } from "./data/count-feed";
import { formatUtcTimestamp } from "./dates";

/**
 * The embeddable count: a complete, self-contained HTML document for an <iframe> on other
 * sites. No site chrome, no framework script: one small inline script follows the count over
 * the existing event stream (/api/count/stream); without JavaScript the page reloads itself every
 * five minutes. Its Content-Security-Policy allows exactly that inline style and script (by
 * hash), and any site to frame it.
 */

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1c1917;background:#fff}
main{padding:12px 14px;border:1px solid #d6d3d1;border-radius:8px;max-width:420px}
h1{margin:0;font-size:14px;font-weight:600;color:#57534e}
.count{margin:4px 0;font-size:44px;line-height:1.1;font-weight:700;color:#9f1239;font-variant-numeric:tabular-nums}
p{margin:4px 0;font-size:13px;line-height:1.4}
.muted{color:#57534e}
a{color:#1c1917}
`.trim();

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Updates the number and its time from the stream; the server wrote the first values. */
const SCRIPT = `
(function(){
var n=document.getElementById("count"),t=document.getElementById("as-of"),m=${JSON.stringify(MONTHS)};
function p(x){return String(x).padStart(2,"0")}
function f(d){return d.getUTCDate()+" "+m[d.getUTCMonth()]+" "+d.getUTCFullYear()+", "+p(d.getUTCHours())+":"+p(d.getUTCMinutes())+" UTC"}
if(!window.EventSource)return;
var s=new EventSource("/api/count/stream");
s.onmessage=function(e){var v;try{v=JSON.parse(e.data)}catch(_){return}
if(typeof v.count!=="number")return;
if(n.textContent!==String(v.count))n.textContent=String(v.count);
var d=new Date(v.computedAt);if(!isNaN(d)){t.textContent=f(d);t.setAttribute("datetime",d.toISOString())}};
})();
`.trim();

const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

export const EMBED_CSP = [
  "default-src 'none'",
  `style-src ${hash(STYLE)}`,
  `script-src ${hash(SCRIPT)}`,
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors *",
].join("; ");

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]);
}

/** The same words as the home page's count panel: the number never appears without its definition. */
export const COUNT_DEFINITION =
  "People held in a prison or detention centre today, according to the custody records published on Habeas. House arrest is not counted.";

export function embedCountHtml(count: PublicCount, site: URL): string {
  const computedAt = new Date(count.computedAt);
  const home = escapeHtml(new URL("/#imprisoned-now", site).toString());
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Imprisoned now: ${count.count} (Habeas)</title>
<noscript><meta http-equiv="refresh" content="300"></noscript>
<style>${STYLE}</style>
</head>
<body>
<main aria-labelledby="embed-heading">
<h1 id="embed-heading">Political prisoners imprisoned now</h1>
<p class="count" aria-live="polite"><span id="count" data-testid="embed-count">${count.count}</span></p>
<p>${escapeHtml(COUNT_DEFINITION)}</p>
<p class="muted">As of <time id="as-of" datetime="${escapeHtml(computedAt.toISOString())}">${escapeHtml(formatUtcTimestamp(computedAt))}</time></p>
<p><a href="${home}" target="_blank" rel="noopener">Who they are, and how this is counted<span class="muted"> (Habeas, opens in a new tab)</span></a></p>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** The code another site pastes to show the count. */
export function embedSnippet(site: URL): string {
  const src = new URL("/embed/count", site).toString();
  return `<iframe src="${escapeHtml(src)}" title="Political prisoners imprisoned now (Habeas)" width="340" height="230" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}
