#!/usr/bin/env node
// Runs a TypeScript entry of the app's own processes (the production server scripts/serve.mts,
// the worker scripts/worker.mts) compiled first, with esbuild, into one ES module, instead of
// through tsx's loader:
//   node --conditions=react-server scripts/compiled.mjs scripts/serve.mts [its arguments]
// Why: tsx compiles each file to CommonJS on load, where every import crosses a getter and every
// function made at run time is named by a helper call; the same server compiled as one module
// did 1.03–1.10× the runs a second in bench/engine-http, measured in the same rounds as the tsx
// one in two sittings (bench/README.md, seventh round). Compiling takes about 0.2 s at start, from
// the sources as they are, so nothing can be stale. Packages stay outside the bundle (node's
// own --conditions flag makes `server-only` empty). The output goes to
// <project>/.relay-server/<hash of its content>/, which must be writable: beside node_modules,
// which its imports are resolved from; each file written under a temporary name and renamed, so
// processes starting together never read a half-written one. Source maps make stack traces name
// the TypeScript sources.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build, stop } from "esbuild";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUT_ROOT = path.join(ROOT, ".relay-server");
/** A compiled folder no live process started from, and not started from this long, is removed at the next start. */
const KEEP_MS = 24 * 3600 * 1000;
/** The expression sandbox's worker thread entry: a file of its own beside the server's. */
const SANDBOX_WORKER = "lib/engine/expressions/sandbox-worker.ts";

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error("usage: node --conditions=react-server scripts/compiled.mjs <entry.mts> [arguments]");
  process.exit(2);
}

/**
 * lib/engine/expressions/sandbox-thread.ts starts its worker from `new URL("./sandbox-worker.ts",
 * import.meta.url)`, the literal form Next's bundler recognises; compiled, the worker is the
 * .mjs beside the server.
 */
const compiledSandboxWorker = {
  name: "compiled-sandbox-worker",
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]sandbox-thread\.ts$/ }, async ({ path: file }) => {
      const source = await fs.promises.readFile(file, "utf8");
      const literal = 'new URL("./sandbox-worker.ts", import.meta.url)';
      if (!source.includes(literal)) throw new Error(`${file} no longer starts its worker from ${literal}`);
      return { contents: source.replace(literal, 'new URL("./sandbox-worker.mjs", import.meta.url)'), loader: "ts" };
    });
  },
};

let result;
try {
  result = await build({
    absWorkingDir: ROOT,
    entryPoints: { main: path.resolve(entry), "sandbox-worker": path.join(ROOT, SANDBOX_WORKER) },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    // As deep as the folder the files go to, so the maps' relative sources name the real files.
    outdir: path.join(OUT_ROOT, "_"),
    outExtension: { ".js": ".mjs" },
    sourcemap: "linked",
    sourcesContent: false,
    plugins: [compiledSandboxWorker],
    write: false,
    logLevel: "warning",
  });
} finally {
  // esbuild keeps a service process for later builds: there are none.
  await stop();
}

const hash = createHash("sha256");
for (const file of result.outputFiles) hash.update(path.basename(file.path)).update(file.contents);
const dir = path.join(OUT_ROOT, hash.digest("hex").slice(0, 16));
fs.mkdirSync(dir, { recursive: true });
// Claimed before anything is removed: a live process's folder is never taken away (its sandbox
// threads start from it again after a kill).
fs.writeFileSync(path.join(dir, `pid-${process.pid}`), "");
fs.utimesSync(dir, new Date(), new Date());
for (const file of result.outputFiles) {
  const target = path.join(dir, path.basename(file.path));
  if (fs.existsSync(target)) continue;
  const temporary = `${target}.${randomUUID()}.tmp`;
  fs.writeFileSync(temporary, file.contents);
  fs.renameSync(temporary, target);
}
removeUnused(dir);

process.setSourceMapsEnabled(true);
// The Date the process started with, before anything loads Next: Next 16 wraps the global `Date`
// (to spot clock reads while prerendering), which costs every `new Date()`; the engine's clock is
// no prerender, and reads the time through this one (lib/engine/clock.ts).
globalThis[Symbol.for("relay.nativeDate")] ??= Date;
// The entry reads its own arguments (util.parseArgs) from argv[2] on.
process.argv = [process.argv[0], path.join(dir, "main.mjs"), ...args];
await import(pathToFileURL(path.join(dir, "main.mjs")).href);

/** Removes compiled folders that no live process started from and that nobody started from for KEEP_MS. */
function removeUnused(current) {
  for (const name of fs.readdirSync(OUT_ROOT)) {
    const other = path.join(OUT_ROOT, name);
    try {
      if (other === current || Date.now() - fs.statSync(other).mtimeMs < KEEP_MS) continue;
      const pids = fs.readdirSync(other).flatMap((file) => (/^pid-(\d+)$/.exec(file) ? [Number(file.slice(4))] : []));
      if (pids.some(isAlive)) continue;
      fs.rmSync(other, { recursive: true, force: true });
    } catch {
      // Removed by another process meanwhile.
    }
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
