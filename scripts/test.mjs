#!/usr/bin/env node
// `npm test`: the whole suite, as CI runs it: lint, type-check, unit tests, the production build and
// its check (no /dev route, icons served), then the e2e suite's own build (with the test-only /dev
// pages, into .next-e2e so the production build never has them) and the e2e tests. Then the same
// again on Postgres: the storage, server and engine unit tests (each test makes and drops its own
// database) and the e2e suite against an app on a fresh database. Postgres not answering fails
// the run with a message; it is never skipped.
// Every step runs even after a failure (so one run shows everything), and the last line is the
// plain `N passed, N failed` total: each unit and e2e test counts, and so does each other step.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const only = process.argv.slice(2);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const e2eDistDir = process.env.E2E_DIST_DIR || ".next-e2e";
const postgres = "node scripts/postgres.mjs";
const e2eDatabase = `relay_e2e_${process.pid}`;
const adminUrl = process.env.TEST_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const e2eDatabaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${e2eDatabase}` }).toString();
fs.mkdirSync("test-results", { recursive: true });

const steps = [
  { name: "lint", cmd: "npx eslint . --max-warnings=0" },
  { name: "typecheck", cmd: "npx next typegen && npx tsc --noEmit" },
  { name: "unit", cmd: "npx vitest run --reporter=default --reporter=json --outputFile=test-results/unit-results.json", results: unitCounts },
  { name: "build", cmd: "npx next build", env: { RELAY_DEV_PAGES: "", NEXT_DIST_DIR: "" } },
  { name: "production", cmd: "node --import tsx scripts/check-production-build.mts", needs: "build", env: { NEXT_DIST_DIR: "" } },
  { name: "e2e-build", cmd: "npx next build", env: { RELAY_DEV_PAGES: "1", NEXT_DIST_DIR: e2eDistDir } },
  { name: "e2e", cmd: "npx playwright test", results: e2eCounts, needs: "e2e-build", env: { E2E_DIST_DIR: e2eDistDir, E2E_RESULTS: "test-results/e2e-results.json" } },
  { name: "postgres", cmd: `${postgres} check` },
  {
    name: "unit-postgres",
    cmd: "npx vitest run lib/db lib/server lib/engine --reporter=default --reporter=json --outputFile=test-results/unit-postgres-results.json",
    results: () => unitCounts("test-results/unit-postgres-results.json"),
    needs: "postgres",
    env: { TEST_POSTGRES_URL: adminUrl },
  },
  {
    name: "e2e-postgres",
    cmd: `${postgres} create ${e2eDatabase} && npx playwright test --output=test-results/e2e-postgres; code=$?; ${postgres} drop ${e2eDatabase}; exit $code`,
    results: () => e2eCounts("test-results/e2e-postgres-results.json"),
    needs: ["postgres", "e2e-build"],
    env: { E2E_DIST_DIR: e2eDistDir, E2E_DATABASE_URL: e2eDatabaseUrl, E2E_RESULTS: "test-results/e2e-postgres-results.json", E2E_DATA_DIR: ".e2e-data-postgres", TEST_POSTGRES_URL: adminUrl },
  },
];
// `npm test -- e2e` runs the build it needs first.
const needsOf = (step) => [step.needs ?? []].flat();
const wanted = new Set(only.flatMap((name) => [name, ...steps.filter((s) => s.name === name).flatMap(needsOf)]));
const selected = steps.filter((step) => only.length === 0 || wanted.has(step.name));

const outcome = {};
let passed = 0;
let failed = 0;
for (const step of selected) {
  const unmet = needsOf(step).find((need) => outcome[need] === false);
  if (unmet) {
    console.log(`\n▶ ${step.name}: skipped, ${unmet} failed`);
    failed += 1;
    continue;
  }
  console.log(`\n▶ ${step.name}: ${step.cmd}`);
  const started = Date.now();
  const ok = spawnSync(step.cmd, { shell: true, stdio: "inherit", env: { ...env, ...step.env } }).status === 0;
  outcome[step.name] = ok;
  const counts = step.results?.();
  if (counts) {
    passed += counts.passed;
    failed += counts.failed + (ok || counts.failed > 0 ? 0 : 1);
  } else if (ok) passed += 1;
  else failed += 1;
  console.log(`◀ ${step.name}: ${ok ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s${counts ? ` (${counts.passed} passed, ${counts.failed} failed)` : ""}`);
}

console.log(`\n${Object.entries(outcome).map(([name, ok]) => `${name} ${ok ? "ok" : "FAILED"}`).join(" · ")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

function unitCounts(file = "test-results/unit-results.json") {
  const report = readJson(file);
  return report && { passed: report.numPassedTests, failed: report.numFailedTests };
}

function e2eCounts(file = "test-results/e2e-results.json") {
  const report = readJson(file);
  return report && { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected };
}
