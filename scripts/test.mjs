#!/usr/bin/env node
// `npm test`: the whole suite, as CI runs it: lint, type-check, unit tests, the production build and
// its check (no /dev route, icons served), then the e2e suite's own build (with the test-only /dev
// pages, into .next-e2e so the production build never has them) and the e2e tests.
// Every step runs even after a failure (so one run shows everything), and the last line is the
// plain `N passed, N failed` total: each unit and e2e test counts, and so does each other step.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const only = process.argv.slice(2);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const e2eDistDir = process.env.E2E_DIST_DIR || ".next-e2e";
fs.mkdirSync("test-results", { recursive: true });

const steps = [
  { name: "lint", cmd: "npx eslint . --max-warnings=0" },
  { name: "typecheck", cmd: "npx next typegen && npx tsc --noEmit" },
  { name: "unit", cmd: "npx vitest run --reporter=default --reporter=json --outputFile=test-results/unit-results.json", results: unitCounts },
  { name: "build", cmd: "npx next build", env: { RELAY_DEV_PAGES: "", NEXT_DIST_DIR: "" } },
  { name: "production", cmd: "node --import tsx scripts/check-production-build.mts", needs: "build", env: { NEXT_DIST_DIR: "" } },
  { name: "e2e-build", cmd: "npx next build", env: { RELAY_DEV_PAGES: "1", NEXT_DIST_DIR: e2eDistDir } },
  { name: "e2e", cmd: "npx playwright test", results: e2eCounts, needs: "e2e-build", env: { E2E_DIST_DIR: e2eDistDir } },
];
// `npm test -- e2e` runs the build it needs first.
const wanted = new Set(only.flatMap((name) => [name, ...steps.filter((s) => s.name === name && s.needs).map((s) => s.needs)]));
const selected = steps.filter((step) => only.length === 0 || wanted.has(step.name));

const outcome = {};
let passed = 0;
let failed = 0;
for (const step of selected) {
  if (step.needs && outcome[step.needs] === false) {
    console.log(`\n▶ ${step.name}: skipped, ${step.needs} failed`);
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

function unitCounts() {
  const report = readJson("test-results/unit-results.json");
  return report && { passed: report.numPassedTests, failed: report.numFailedTests };
}

function e2eCounts() {
  const report = readJson("test-results/e2e-results.json");
  return report && { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected };
}
