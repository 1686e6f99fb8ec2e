import { randomBytes } from "node:crypto";
import { constants, crc32, deflateRawSync, gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { newNonce, nonceSplitOf } from "../security/csp";
import { acceptsGzip, compressedSplitNow, compressSplit, crc32Combine, gzipWithNonce } from "./gzip-with-nonce";

function page(nonce: string): Buffer {
  const script = (index: number) => `<script nonce="${nonce}">self.__next_f.push([1,"chunk ${index} ${"ąəı".repeat(index)}"])</script>`;
  const rows = Array.from({ length: 400 }, (_, index) => `<li><a href="/prisoners/person-${index}">Person ${index}</a></li>`).join("");
  return Buffer.from(
    `${nonce}<!DOCTYPE html><html><head><link rel="stylesheet" nonce="${nonce}" href="/a.css"></head><body><ul>${rows}</ul>` +
      Array.from({ length: 30 }, (_, index) => script(index)).join("") +
      `</body></html>${nonce}`,
  );
}

describe("CRC-32 of joined parts", () => {
  it("equals the CRC-32 of the joined bytes, for empty, short and long parts", () => {
    for (const [a, b] of [
      [0, 0],
      [0, 17],
      [5, 0],
      [1, 1],
      [100, 24],
      [70_000, 130_001],
    ]) {
      const first = randomBytes(a);
      const second = randomBytes(b);
      expect(crc32Combine(crc32(first), crc32(second), b), `${a} + ${b}`).toBe(crc32(Buffer.concat([first, second])));
    }
  });
});

describe("a stored page compressed once, sent with a fresh nonce", () => {
  const rendered = newNonce();
  const stored = { headers: [["content-security-policy", `script-src 'nonce-${rendered}'`]] as [string, string][], body: page(rendered) };

  it("decompresses (CRC and length checked by zlib) to the page with the new nonce everywhere", async () => {
    const split = nonceSplitOf(stored);
    expect(split?.segments.length).toBe(34);
    const compressed = await compressSplit(split!);
    for (const nonce of [newNonce(), newNonce(), "\u0000".repeat(rendered.length), "a".repeat(rendered.length)]) {
      const gzip = Buffer.concat(gzipWithNonce(compressed, nonce));
      const body = gunzipSync(gzip);
      expect(body.equals(page(nonce))).toBe(true);
      expect(body.includes(rendered)).toBe(false);
    }
  });

  it("compresses each page once, about as small as compressing the whole page would", async () => {
    const split = nonceSplitOf(stored)!;
    const [first, second] = await Promise.all([compressSplit(split), compressSplit(split)]);
    expect(second).toBe(first);
    expect(compressedSplitNow(split)).toBe(first);
    const gzip = Buffer.concat(gzipWithNonce(first, newNonce()));
    // The segments refer back across nonces: smaller than the segments compressed apart, and
    // close to one gzip of the whole body (pages of the scale data: 2–4% larger, docs/decisions/0024).
    const apart = split.segments.reduce((sum, segment) => sum + deflateRawSync(segment, { level: 9, finishFlush: constants.Z_SYNC_FLUSH }).byteLength, 0);
    expect(gzip.byteLength).toBeLessThan(apart);
    expect(gzip.byteLength).toBeLessThan(gzipSync(stored.body, { level: 9 }).byteLength * 1.5);
  });

  it("refuses a nonce of another length than the page was compressed for", async () => {
    const compressed = await compressSplit(nonceSplitOf(stored)!);
    expect(() => gzipWithNonce(compressed, "short")).toThrow(/nonce of 5 bytes/);
  });

  it("compresses a page holding a NUL byte without dictionaries, and still right", async () => {
    const withNul = { headers: stored.headers, body: Buffer.concat([page(rendered), Buffer.from([0, 0, 0]), page(rendered)]) };
    const nonce = newNonce();
    const gzip = Buffer.concat(gzipWithNonce(await compressSplit(nonceSplitOf(withNul)!), nonce));
    expect(gunzipSync(gzip).equals(Buffer.concat([page(nonce), Buffer.from([0, 0, 0]), page(nonce)]))).toBe(true);
  });

  it("stays right on a page far larger than the 32 KB window, with long and short segments", async () => {
    // Segments of about 80 KB, 40 KB, 33 KB and one byte, partly text that repeats across nonces
    // and partly random bytes that do not: each segment's dictionary is the window it ends with.
    const [long, middle, short] = [80_000, 40_000, 33_000].map((size) => randomBytes(size / 2).toString("hex"));
    const big = (nonce: string) =>
      Buffer.from([page(nonce).toString(), long, `<script nonce="${nonce}">`, middle, nonce, short, nonce, "x", nonce].join(""));
    const large = { headers: stored.headers, body: big(rendered) };
    expect(large.body.byteLength).toBeGreaterThan(150_000);
    const compressed = await compressSplit(nonceSplitOf(large)!);
    for (const nonce of [newNonce(), newNonce()]) {
      expect(gunzipSync(Buffer.concat(gzipWithNonce(compressed, nonce))).equals(big(nonce))).toBe(true);
    }
  });

  it("handles a body without the nonce as one segment", async () => {
    const plain = { headers: stored.headers, body: Buffer.from("no script here") };
    const gzip = Buffer.concat(gzipWithNonce(await compressSplit(nonceSplitOf(plain)!), newNonce()));
    expect(gunzipSync(gzip).toString()).toBe("no script here");
  });
});

describe("Accept-Encoding", () => {
  it("allows gzip when named or covered by *, with a weight above 0", () => {
    expect(acceptsGzip("gzip, deflate, br, zstd")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8, *;q=0.1")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("x-gzip")).toBe(true);
    expect(acceptsGzip("GZIP")).toBe(true);
  });

  it("refuses gzip when absent, weighted 0, or excluded from *", () => {
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip("")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip("br, deflate")).toBe(false);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("*, gzip;q=0")).toBe(false);
    expect(acceptsGzip("gzip;q=0.000, br")).toBe(false);
  });
});
