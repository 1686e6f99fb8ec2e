import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

/**
 * NEXTAUTH_SECRET signs and encrypts sessions. A deployment sets it in the environment. When
 * it is missing (the demo on the embedded database), one is generated on first start and kept
 * beside the data directory, readable only by its owner, so sessions and second-factor secrets
 * survive restarts. The code holds no secret of its own.
 */
export async function ensureAuthSecret(): Promise<"environment" | "generated" | "stored"> {
  if (process.env.NEXTAUTH_SECRET) return "environment";
  // Beside the embedded database's directory (./data/pglite, or HABEAS_DATA_DIR).
  const file = `${path.resolve(process.env.HABEAS_DATA_DIR ?? path.join("data", "pglite"))}.nextauth-secret`;
  try {
    process.env.NEXTAUTH_SECRET = (await fs.readFile(file, "utf8")).trim();
    return "stored";
  } catch {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const secret = randomBytes(48).toString("base64url");
    await fs.writeFile(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    process.env.NEXTAUTH_SECRET = secret;
    return "generated";
  }
}
