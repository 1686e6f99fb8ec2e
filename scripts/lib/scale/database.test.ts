import { afterAll, describe, expect, it } from "vitest";
import { disconnect } from "../../../lib/db/client";
import { createPrisoner } from "../../test-support/records";
import { databaseNameOf, isLocalDatabase, maintenanceUrlOf, reasonToRefuse } from "./database";

afterAll(disconnect);

describe("where the scale seed may write", () => {
  it("knows a server on this machine from one elsewhere", () => {
    expect(isLocalDatabase("postgresql://postgres@127.0.0.1:5432/habeas_scale")).toBe(true);
    expect(isLocalDatabase("postgresql://postgres@localhost/habeas_scale")).toBe(true);
    expect(isLocalDatabase("postgresql://postgres@[::1]:5432/habeas_scale")).toBe(true);
    expect(isLocalDatabase("postgresql:///habeas_scale?host=/var/run/postgresql")).toBe(true);
    expect(isLocalDatabase("postgresql://postgres@db.example.org:5432/habeas_scale")).toBe(false);
    expect(isLocalDatabase("postgresql://postgres@10.0.0.5/habeas_scale")).toBe(false);
  });

  it("accepts only a plain database name that is not a system database", () => {
    expect(databaseNameOf("postgresql://postgres@127.0.0.1/habeas_scale")).toBe("habeas_scale");
    expect(() => databaseNameOf("postgresql://postgres@127.0.0.1/postgres")).toThrow(/system database/);
    expect(() => databaseNameOf("postgresql://postgres@127.0.0.1/template1")).toThrow(/system database/);
    expect(() => databaseNameOf('postgresql://postgres@127.0.0.1/x";drop')).toThrow(/lower-case letters/);
    expect(maintenanceUrlOf("postgresql://postgres@127.0.0.1:5432/habeas_scale")).toBe("postgresql://postgres@127.0.0.1:5432/postgres");
  });

  it("refuses to replace a database that holds records not made by the scale seed", async () => {
    await createPrisoner();
    const outcome = await reasonToRefuse(process.env.DATABASE_URL!).catch((error: Error) => error.message);
    expect(outcome).toMatch(/demo data set|not created by the scale seed|system database/);
  });
});
