import "server-only";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { seal, unseal } from "./secret";

/**
 * Time-based one-time codes (RFC 6238: SHA-1, 6 digits, 30 s, as every authenticator app
 * expects). The secret is kept sealed (AES-256-GCM under a key derived from NEXTAUTH_SECRET),
 * so a copy of the database alone does not give anyone the second factor.
 */
const PURPOSE = "totp-secret";

function totp(secretBase32: string, label = "") {
  return new TOTP({ issuer: "Habeas", label, secret: Secret.fromBase32(secretBase32) });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function sealTotpSecret(secretBase32: string): string {
  return seal(PURPOSE, secretBase32);
}

export function unsealTotpSecret(sealed: string): string | null {
  const value = unseal(PURPOSE, sealed);
  return value && /^[A-Z2-7]+=*$/.test(value) ? value : null;
}

const PERIOD_SECONDS = 30;

/**
 * Accepts the current code and its neighbours (clock drift of up to 30 s either way) and
 * answers the time step the code belongs to, or null. A code is good only once: callers keep
 * the last step accepted and refuse any step not after it (see acceptTotpStep in lib/data).
 */
export function totpCodeStep(secretBase32: string, code: string, now = Date.now()): number | null {
  const delta = totp(secretBase32).validate({ token: code.replace(/\s+/g, ""), window: 1, timestamp: now });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}

/** For tests and the command line: the code an authenticator would show now (or at `at`). */
export function currentTotpCode(secretBase32: string, at = Date.now()): string {
  return totp(secretBase32).generate({ timestamp: at });
}

export function totpUri(secretBase32: string, account: string): string {
  return totp(secretBase32, account).toString();
}

/** The otpauth:// URI as an SVG QR code, rendered on the server (no client script). */
export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}
