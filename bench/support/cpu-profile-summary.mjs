#!/usr/bin/env node
// Summarises a V8 CPU profile (`node --cpu-prof`): the functions with the most self time, the
// most total time (time with the function anywhere on the stack), and self time by package.
// Usage: node bench/support/cpu-profile-summary.mjs <file.cpuprofile> [top=25] [filter regex on url]
import fs from "node:fs";

const [file, topArg = "25", urlFilter] = process.argv.slice(2);
if (!file) {
  console.error("usage: node bench/support/cpu-profile-summary.mjs <file.cpuprofile> [top] [url regex]");
  process.exit(2);
}
const profile = JSON.parse(fs.readFileSync(file, "utf8"));
const top = Number(topArg);
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

const shortUrl = (url) =>
  url
    .replace(/^file:\/\//, "")
    .replace(/^.*\/node_modules\//, "")
    .replace(/^.*\/\.next[^/]*\//, ".next/")
    .replace(/^.*\/main\//, "");
const keyOf = ({ callFrame: { functionName, url, lineNumber } }) => `${functionName || "(anonymous)"} ${url ? `${shortUrl(url)}:${lineNumber + 1}` : ""}`.trim();
/** Where the code comes from: a package, Node itself, the app's bundle, or V8's own buckets. */
const packageOf = ({ callFrame: { url, functionName } }) => {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node:" + url.slice(5).split("/")[0];
  const match = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (match) return match[1].includes("next") && /compiled/.test(url) ? `${match[1]} (compiled)` : match[1];
  if (/\.next[^/]*\/server\/chunks/.test(url)) return "app bundle (.next chunks)";
  return shortUrl(url).split("/").slice(0, 2).join("/");
};

const self = new Map();
const total = new Map();
const packages = new Map();
let sampled = 0;
const deltas = profile.timeDeltas;
profile.samples.forEach((id, index) => {
  const ms = (deltas[index + 1] ?? 0) / 1000;
  sampled += ms;
  const node = byId.get(id);
  const key = keyOf(node);
  self.set(key, (self.get(key) ?? 0) + ms);
  packages.set(packageOf(node), (packages.get(packageOf(node)) ?? 0) + ms);
  const seen = new Set();
  for (let current = id; current !== undefined; current = parentOf.get(current)) {
    const ancestor = byId.get(current);
    const ancestorKey = keyOf(ancestor);
    if (seen.has(ancestorKey)) continue;
    seen.add(ancestorKey);
    total.set(ancestorKey, (total.get(ancestorKey) ?? 0) + ms);
  }
});

const idle = self.get("(idle)") ?? 0;
const busy = sampled - idle;
const pct = (ms) => `${((ms / busy) * 100).toFixed(1).padStart(5)}%`;
const print = (title, map) => {
  console.log(`\n${title}`);
  [...map]
    .filter(([key]) => !["(idle)", "(root)"].includes(key) && (!urlFilter || new RegExp(urlFilter).test(key)))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([key, ms]) => console.log(`${pct(ms)} ${ms.toFixed(0).padStart(7)} ms  ${key}`));
};
console.log(`${file}: ${(sampled / 1000).toFixed(1)} s sampled, ${(idle / 1000).toFixed(1)} s idle, ${(busy / 1000).toFixed(1)} s busy (percentages are of busy time)`);
print("Self time by package", packages);
print("Self time by function", self);
print("Total time by function", total);
