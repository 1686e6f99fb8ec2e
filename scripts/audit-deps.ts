import { spawn } from "node:child_process";
import { AUDIT_EXCEPTIONS, auditVerdict } from "./lib/audit";

/**
 * `npm run audit:deps`: fails when a dependency has a known advisory at high or critical
 * severity (security item 13). CI runs it.
 *
 * npm audit needs the registry's advisory service (a POST). Where the network allows only
 * package downloads, that service cannot be reached: the script then says so loudly and, by
 * default, does not fail the build, because nothing was checked either way. Set
 * HABEAS_AUDIT_REQUIRED=1 (in a CI that can reach the registry) to fail in that case too.
 */
function npmAudit(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["audit", "--json", "--audit-level=high"], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    // npm audit exits 1 both for findings and for errors: the report decides.
    child.on("exit", () => resolve(output));
  });
}

const verdict = auditVerdict(await npmAudit());
const required = process.env.HABEAS_AUDIT_REQUIRED === "1";

switch (verdict.kind) {
  case "clean": {
    const counts = Object.entries(verdict.counts).map(([severity, n]) => `${severity} ${n}`).join(", ");
    const excepted = Object.keys(AUDIT_EXCEPTIONS);
    console.log(`npm audit: no high or critical advisory (${counts})${excepted.length ? `; accepted: ${excepted.join(", ")}` : ""}.`);
    break;
  }
  case "vulnerable":
    console.error("npm audit: dependencies with high or critical advisories:");
    for (const entry of verdict.packages) console.error(`  ${entry.name}: ${entry.severity}`);
    console.error("Update them, or accept one with a reason in scripts/lib/audit.ts and docs/security.md.");
    process.exit(1);
    break;
  case "unavailable":
    console.warn(`npm audit: NOT CHECKED. The advisory database could not be reached (${verdict.reason}).`);
    if (required) process.exit(1);
    console.warn("Set HABEAS_AUDIT_REQUIRED=1 where the registry's audit service is reachable to make this fail.");
    break;
}
