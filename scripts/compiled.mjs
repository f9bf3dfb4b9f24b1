#!/usr/bin/env node
// Runs a TypeScript entry of the app's own processes (the production server scripts/serve.mts,
// the worker scripts/worker.mts) compiled first, with esbuild, into one ES module, instead of
// through tsx's loader:
//   node --conditions=react-server scripts/compiled.mjs scripts/serve.mts [its arguments]
// Why: tsx compiles each file to CommonJS on load, where every import crosses a getter and every
// function made at run time is named by a helper call; the same server compiled as one module
// did 1.10× the runs a second in bench/engine-http, measured in the same rounds (bench/README.md,
// seventh round). Compiling takes a fifth of a second at start, from the sources as they are,
// so nothing can be stale. Packages stay outside the bundle (node_modules, native addons). The
// output goes to .relay-server/<hash of its content>/: beside node_modules, which its imports
// are resolved from; written under a temporary name and renamed, so processes starting together
// never read a half-written file. Source maps make stack traces name the TypeScript sources.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

const OUT_ROOT = ".relay-server";
/** Compiled folders unused this long are removed at the next start (a running process may still start sandbox threads from its own). */
const KEEP_MS = 7 * 24 * 3600 * 1000;
/** The expression sandbox's worker thread entry: a file of its own, found by lib/engine/expressions/sandbox-thread.ts. */
const SANDBOX_WORKER = "lib/engine/expressions/sandbox-worker.ts";

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error("usage: node --conditions=react-server scripts/compiled.mjs <entry.mts> [arguments]");
  process.exit(2);
}

const result = await build({
  entryPoints: { main: entry, "sandbox-worker": SANDBOX_WORKER },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  conditions: ["react-server"],
  outdir: "out",
  outExtension: { ".js": ".mjs" },
  sourcemap: "linked",
  define: { "process.env.RELAY_SANDBOX_WORKER": JSON.stringify("./sandbox-worker.mjs") },
  write: false,
  logLevel: "warning",
});

const hash = createHash("sha256");
for (const file of result.outputFiles) hash.update(file.path).update(file.contents);
const dir = path.resolve(OUT_ROOT, hash.digest("hex").slice(0, 16));
fs.mkdirSync(dir, { recursive: true });
for (const file of result.outputFiles) {
  const target = path.join(dir, path.basename(file.path));
  if (fs.existsSync(target)) continue;
  const temporary = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, file.contents);
  fs.renameSync(temporary, target);
}
removeOld(dir);

process.setSourceMapsEnabled(true);
// The entry reads its own arguments (util.parseArgs) from argv[2] on.
process.argv = [process.argv[0], path.join(dir, "main.mjs"), ...args];
fs.utimesSync(dir, new Date(), new Date());
await import(pathToFileURL(path.join(dir, "main.mjs")).href);

function removeOld(current) {
  for (const name of fs.readdirSync(OUT_ROOT)) {
    const other = path.resolve(OUT_ROOT, name);
    try {
      if (other !== current && Date.now() - fs.statSync(other).mtimeMs > KEEP_MS) fs.rmSync(other, { recursive: true, force: true });
    } catch {
      // Removed by another process meanwhile.
    }
  }
}
