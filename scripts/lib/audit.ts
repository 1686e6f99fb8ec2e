/**
 * Reads `npm audit --json` output and decides whether the dependencies pass: no advisory at
 * high or critical severity, except those listed (with a reason) in AUDIT_EXCEPTIONS.
 * Kept apart from the command so the decision can be tested on real npm output shapes.
 */

export type Severity = "info" | "low" | "moderate" | "high" | "critical";

/** Advisories accepted on purpose: package name → why (also listed in docs/security.md). */
export const AUDIT_EXCEPTIONS: Record<string, string> = {};

export type AuditVerdict =
  | { kind: "clean"; counts: Partial<Record<Severity, number>> }
  | { kind: "vulnerable"; packages: { name: string; severity: Severity }[] }
  | { kind: "unavailable"; reason: string };

const BLOCKING: ReadonlySet<Severity> = new Set(["high", "critical"]);

type AuditJson = {
  vulnerabilities?: Record<string, { name?: string; severity?: Severity }>;
  metadata?: { vulnerabilities?: Partial<Record<Severity | "total", number>> };
  message?: string;
  statusCode?: number;
  error?: unknown;
};

export function auditVerdict(output: string, exceptions: Record<string, string> = AUDIT_EXCEPTIONS): AuditVerdict {
  let report: AuditJson;
  try {
    report = JSON.parse(output) as AuditJson;
  } catch {
    return { kind: "unavailable", reason: "npm audit printed no report" };
  }
  if (!report.metadata?.vulnerabilities || !report.vulnerabilities) {
    const reason = typeof report.message === "string" && report.message ? report.message : "npm audit could not reach the advisory database";
    return { kind: "unavailable", reason };
  }
  const packages = Object.entries(report.vulnerabilities)
    .map(([name, entry]) => ({ name: entry.name ?? name, severity: entry.severity ?? "info" }))
    .filter((entry) => BLOCKING.has(entry.severity) && !(entry.name in exceptions));
  if (packages.length > 0) return { kind: "vulnerable", packages };
  const counts = Object.fromEntries(Object.entries(report.metadata.vulnerabilities).filter(([severity]) => severity !== "total"));
  return { kind: "clean", counts };
}
