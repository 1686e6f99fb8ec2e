import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, RuleViolation } from "./errors";

/**
 * The shapes below are what Prisma 6.19 with @prisma/adapter-pg 7.10 threw against a stopped
 * server and a terminated backend (recorded while writing decision 0023); the live cases are
 * lib/actions/interrupted-save.test.ts and e2e/instances.spec.ts.
 */
const adapterError = (code: string, cause: Record<string, unknown>) =>
  Object.assign(new Error("Invalid invocation"), { code, meta: { driverAdapterError: { name: "DriverAdapterError", cause } } });

describe("recognising an unavailable database", () => {
  it("knows a refused connection, a terminated backend, a shutdown and an exhausted pool", () => {
    expect(isDatabaseUnavailable(adapterError("P2010", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 }))).toBe(true);
    expect(isDatabaseUnavailable(adapterError("P1001", { kind: "DatabaseNotReachable" }))).toBe(true);
    expect(isDatabaseUnavailable(adapterError("P2010", { kind: "postgres", code: "57P01", originalCode: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(adapterError("P2010", { kind: "postgres", code: "08006" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("timed out"), { code: "P2024" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect", { cause: Object.assign(new Error("x"), { code: "ECONNREFUSED" }) }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    // pg-pool when no connection comes within connectionTimeoutMillis.
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
  });

  it("does not mistake a refused query or a rule for an outage", () => {
    expect(isDatabaseUnavailable(adapterError("P2002", { kind: "UniqueConstraintViolation" }))).toBe(false);
    expect(isDatabaseUnavailable(adapterError("P2010", { kind: "postgres", code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(new RuleViolation("The release date cannot be before the arrest date."))).toBe(false);
    expect(isDatabaseUnavailable(new Error("something else"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
