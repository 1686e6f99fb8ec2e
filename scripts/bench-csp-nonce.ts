import { newNonce, pageCsp, withFreshNonce } from "../lib/security/csp";

/**
 * What a fresh nonce costs a page served from the cache (decision 0021): a stored page is cut at
 * its render's nonce once, then every hit joins the pieces around a new one. Prints microseconds
 * per hit for a page shaped like the directory's (about 42 KB, the nonce 22 times), next to the
 * cost of only drawing the random nonce. Run: npx tsx scripts/bench-csp-nonce.ts [kilobytes] [nonces]
 */
const kilobytes = Number(process.argv[2] ?? 42);
const occurrences = Number(process.argv[3] ?? 22);
const old = newNonce();
const filler = "x".repeat(Math.floor((kilobytes * 1024) / (occurrences + 1)));
const html = Array.from({ length: occurrences + 1 }, () => filler).join(`<script nonce="${old}"></script>`);
const stored = {
  headers: [["content-type", "text/html; charset=utf-8"], ["content-security-policy", pageCsp(old, false)], ["link", `</a.css>; rel=preload; as="style"; nonce="${old}"`]] as [string, string][],
  body: new TextEncoder().encode(html),
};

function measure(label: string, run: () => number, rounds = 20_000) {
  for (let i = 0; i < 1000; i++) run();
  let sink = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) sink += run();
  const micros = Number(process.hrtime.bigint() - start) / 1000 / rounds;
  console.log(`${label.padEnd(32)} ${micros.toFixed(2)} µs per hit${sink > 0 ? "" : " (no output?)"}`);
}

console.log(`page: ${stored.body.byteLength} bytes, nonce ${occurrences} times`);
measure("draw a nonce only", () => newNonce().length);
measure("fresh nonce in headers and body", () => withFreshNonce(stored).body.byteLength);
