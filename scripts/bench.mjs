#!/usr/bin/env node
// `npm run bench`: runs every script under bench/ (see bench/README.md), each printing its own
// figures. `npm run bench engine-http canvas` runs those: a name picks the script of that name, else
// every script whose name starts with it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const only = process.argv.slice(2);
const all = fs.readdirSync("bench").filter((name) => /\.(ts|mjs)$/.test(name));
const stem = (name) => name.replace(/\.(ts|mjs)$/, "");
const picks = (wanted) => (all.some((name) => stem(name) === wanted) ? (name) => stem(name) === wanted : (name) => name.startsWith(wanted));
const scripts = all.filter((name) => only.length === 0 || only.some((wanted) => picks(wanted)(name)));
let failed = 0;
for (const script of scripts) {
  console.log(`\n▶ bench/${script}`);
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", `bench/${script}`], { stdio: "inherit" });
  if (result.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
