import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { bin, run } from "./lib/run";

/**
 * `npm test`: every test, against real parts only.
 *   1. integration suite on the real PostgreSQL server (a new database per run)
 *   2. the same suite on the embedded server
 *   3. end-to-end tests in Chromium against the production build, started as `npm start` does
 * `--only integration` or `--only e2e` runs one part. Ends with "N passed, N failed".
 */
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
const reports = fs.mkdtempSync(path.join(os.tmpdir(), "habeas-test-"));
const totals = { passed: 0, failed: 0 };
const failures: string[] = [];

async function stage(name: string, work: () => Promise<void>, tally: () => { passed: number; failed: number }) {
  console.log(`\n=== ${name} ===`);
  try {
    await work();
  } catch {
    failures.push(name);
  }
  try {
    const { passed, failed } = tally();
    totals.passed += passed;
    totals.failed += failed;
    if (passed + failed === 0) failures.push(`${name} (no tests ran)`);
  } catch {
    failures.push(`${name} (no report)`);
  }
}

function vitestTally(file: string) {
  return () => {
    const report = JSON.parse(fs.readFileSync(file, "utf8"));
    return { passed: report.numPassedTests as number, failed: report.numFailedTests as number };
  };
}

for (const mode of ["postgresql", "embedded"] as const) {
  if (only && only !== "integration") break;
  const file = path.join(reports, `vitest-${mode}.json`);
  await stage(
    `integration tests on ${mode === "postgresql" ? "PostgreSQL" : "the embedded server"}`,
    () =>
      run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`], {
        env: { ...process.env, HABEAS_TEST_DB: mode },
      }),
    vitestTally(file),
  );
}

if (!only || only === "e2e") {
  const file = path.join(reports, "playwright.json");
  await stage(
    "end-to-end tests in Chromium",
    async () => {
      await run(bin("next"), ["build"], { env: { ...process.env, NODE_ENV: "production" } });
      await run(bin("playwright"), ["test", "--reporter=list,json"], {
        env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: file },
      });
    },
    () => {
      const report = JSON.parse(fs.readFileSync(file, "utf8"));
      return { passed: report.stats.expected as number, failed: (report.stats.unexpected + report.stats.flaky) as number };
    },
  );
}

console.log("");
if (failures.length > 0) console.log(`Failed: ${failures.join("; ")}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(failures.length > 0 || totals.failed > 0 ? 1 : 0);
