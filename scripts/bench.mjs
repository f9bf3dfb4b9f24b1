#!/usr/bin/env node
// `npm run bench`: runs every script under bench/, each printing its own figures.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const only = process.argv.slice(2);
const scripts = fs
  .readdirSync("bench")
  .filter((name) => /\.(ts|mjs)$/.test(name))
  .filter((name) => only.length === 0 || only.some((o) => name.startsWith(o)));
let failed = 0;
for (const script of scripts) {
  console.log(`\n▶ bench/${script}`);
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", `bench/${script}`], { stdio: "inherit" });
  if (result.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
