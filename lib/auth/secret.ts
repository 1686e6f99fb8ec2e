import "server-only";
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

/**
 * The one server secret (NEXTAUTH_SECRET) signs and encrypts session tokens; keys for other
 * purposes are derived from it with HKDF, one per purpose, so no purpose can stand in for
 * another. It comes from the environment only: `npm start` on the embedded database generates
 * one and keeps it under the data directory (scripts/serve.ts); nothing in the code is a secret.
 */
export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret || secret.length < 32) {
    throw new Error("NEXTAUTH_SECRET is not set (at least 32 characters); see README.md");
  }
  return secret;
}

function derivedKey(purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret(), "habeas", purpose, 32));
}

/** A keyed hash: equal inputs give equal outputs, but nobody without the secret can test a guess. */
export function keyedHash(purpose: string, value: string): string {
  return createHmac("sha256", derivedKey(purpose)).update(value).digest("hex");
}

/** AES-256-GCM: "v1.<iv>.<tag>.<ciphertext>", base64url. */
export function seal(purpose: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derivedKey(purpose), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

/** The plaintext of `seal`, or null when the value was tampered with or sealed with another key. */
export function unseal(purpose: string, sealed: string): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", derivedKey(purpose), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
