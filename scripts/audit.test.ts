import { describe, expect, it } from "vitest";
import { auditVerdict } from "./lib/audit";

// Shapes as npm 11 prints them with --json.
const report = (vulnerabilities: Record<string, { name: string; severity: string }>) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: {
      vulnerabilities: {
        info: 0,
        low: 0,
        moderate: Object.values(vulnerabilities).filter((v) => v.severity === "moderate").length,
        high: Object.values(vulnerabilities).filter((v) => v.severity === "high").length,
        critical: Object.values(vulnerabilities).filter((v) => v.severity === "critical").length,
        total: Object.keys(vulnerabilities).length,
      },
    },
  });

describe("dependency audit verdict", () => {
  it("passes a report with only moderate findings", () => {
    const verdict = auditVerdict(report({ foo: { name: "foo", severity: "moderate" } }));
    expect(verdict).toEqual({ kind: "clean", counts: { info: 0, low: 0, moderate: 1, high: 0, critical: 0 } });
  });

  it("fails high and critical findings, except those accepted with a reason", () => {
    const output = report({
      foo: { name: "foo", severity: "high" },
      bar: { name: "bar", severity: "critical" },
      baz: { name: "baz", severity: "low" },
    });
    expect(auditVerdict(output, {})).toEqual({
      kind: "vulnerable",
      packages: [
        { name: "foo", severity: "high" },
        { name: "bar", severity: "critical" },
      ],
    });
    expect(auditVerdict(output, { foo: "not reachable from any route" })).toEqual({
      kind: "vulnerable",
      packages: [{ name: "bar", severity: "critical" }],
    });
  });

  it("never reads an unreachable advisory service as a clean bill", () => {
    const refused = JSON.stringify({
      message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
      statusCode: 405,
      error: { summary: "", detail: "" },
    });
    expect(auditVerdict(refused)).toMatchObject({ kind: "unavailable", reason: expect.stringContaining("405") });
    expect(auditVerdict("")).toMatchObject({ kind: "unavailable" });
  });
});
