/**
 * Deterministic randomness for the synthetic data set. Every value comes from a seed, so the
 * same seed always yields the same rows; nothing reads Math.random or the clock.
 *
 * Each prisoner gets a generator of its own, derived from (seed, index): rows do not depend on
 * how the work is split into batches, and an identifier can be recomputed from an index alone.
 */

/** A 32-bit integer hash (murmur3's finaliser) mixed over several inputs. */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** A small string hash, so that streams can be named ("prisoner", "decree"). */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    h = Math.imul(h ^ text.charCodeAt(index), 0x01000193);
  }
  return h >>> 0;
}

/** A UUID (version 4 layout) computed from four 32-bit words. */
export function uuidFromWords(a: number, b: number, c: number, d: number): string {
  const hex = (value: number) => (value >>> 0).toString(16).padStart(8, "0");
  const second = ((b & 0xffff0fff) | 0x00004000) >>> 0;
  const third = ((c & 0x3fffffff) | 0x80000000) >>> 0;
  const text = hex(a) + hex(second) + hex(third) + hex(d);
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

/** The identifier of the index-th record of a kind, without generating anything else. */
export function stableId(seed: number, kind: string, index: number): string {
  const k = hashText(kind);
  return uuidFromWords(hash32(seed, k, index, 1), hash32(seed, k, index, 2), hash32(seed, k, index, 3), hash32(seed, k, index, 4));
}

/** sfc32: a fast generator with a 128-bit state, good enough for synthetic data. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...seedParts: number[]) {
    this.a = hash32(...seedParts, 1);
    this.b = hash32(...seedParts, 2);
    this.c = hash32(...seedParts, 3);
    this.d = hash32(...seedParts, 4);
    for (let round = 0; round < 12; round++) this.next32();
  }

  next32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next32() / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)];
  }

  /** An index into items, with the probability of each proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of items) total += weight;
    let target = this.float() * total;
    for (const [item, weight] of items) {
      target -= weight;
      if (target < 0) return item;
    }
    return items[items.length - 1][0];
  }

  /**
   * An index in [0, count) where low indexes are much likelier (a few busy lawyers, many
   * occasional ones).
   */
  skewedIndex(count: number, exponent = 2.2): number {
    return Math.min(count - 1, Math.floor(count * Math.pow(this.float(), exponent)));
  }

  uuid(): string {
    return uuidFromWords(this.next32(), this.next32(), this.next32(), this.next32());
  }
}
