import { z } from "zod";
import type { DirectoryKey } from "../data/directory";
import { isValidIsoDay } from "../dates";
import type { DirectorySort } from "../validation/directory";

/**
 * Cursors for the directory's keyset pagination: the position of the last row read and the
 * order it belongs to, as base64url JSON. Opaque to clients (the document says so), so the
 * encoding may change with the API version; decoded with a strict schema, since anyone can
 * send one.
 */

const MAX_CURSOR_LENGTH = 1000;

const payload = z.strictObject({
  v: z.literal(1),
  sort: z.enum(["name", "arrested"]),
  key: z.tuple([
    z.string().refine(isValidIsoDay).nullable(),
    z.string().max(400),
    z.string().max(400),
    z.uuid(),
  ]),
});

export function encodeCursor(sort: DirectorySort, key: DirectoryKey): string {
  const body: z.input<typeof payload> = { v: 1, sort, key: [key.arrest, key.sortName, key.fullName, key.id] };
  return Buffer.from(JSON.stringify(body), "utf8").toString("base64url");
}

/** The key a cursor names, or null when it is not a cursor of this API for this order. */
export function decodeCursor(cursor: string, sort: DirectorySort): DirectoryKey | null {
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = payload.safeParse(json);
  if (!parsed.success || parsed.data.sort !== sort) return null;
  const [arrest, sortName, fullName, id] = parsed.data.key;
  return { arrest, sortName, fullName, id };
}
