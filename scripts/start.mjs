#!/usr/bin/env node
// `npm start`: builds the app if the build is missing or older than the sources, then runs the
// demo integration server and the app's production server (scripts/serve.mts: the API app for
// /api/*, Next for the rest) together; stopping one stops both. `--dev` runs `next dev`, where the
// API is served through Next's catch-all route app/api/[...path].
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const NEXT_BIN = "node_modules/next/dist/bin/next";
/**
 * The production server, as node arguments: compiled at start (scripts/compiled.mjs; see
 * scripts/serve.mts for why the condition).
 */
const SERVE = ["--conditions=react-server", "scripts/compiled.mjs", "scripts/serve.mts"];
const dev = process.argv.includes("--dev");
const port = process.env.PORT || "3000";
// Only this machine can reach the app unless HOST says otherwise (README: "Serving a team").
const host = process.env.HOST || "127.0.0.1";
const demoPort = process.env.DEMO_INTEGRATION_PORT || "4010";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DEMO_INTEGRATION_PORT: demoPort };
/** The processes this one started (the demo, the app); a signal to this one stops them all. */
const children = [];

// ROLE=worker: this machine only executes runs (npm run worker); no build, no web server, no demo.
if (process.env.ROLE === "worker") {
  const worker = spawn(process.execPath, ["--conditions=react-server", "scripts/compiled.mjs", "scripts/worker.mts"], { stdio: "inherit", env });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => worker.kill(signal));
  worker.on("exit", (code) => process.exit(code ?? 1));
} else {
  startWeb();
}

function startWeb() {
  if (!dev && buildIsStale()) {
    console.log("[start] building the app (first start or sources changed)…");
    const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const startDemo = (process.env.DEMO_INTEGRATION_URL ?? "x") !== "" && process.env.START_DEMO_INTEGRATION !== "0";
  // The app calls the embedded demo on this machine: keep it on the outbound allowlist, also when
  // OUTBOUND_ALLOWLIST is set (unset, the app's default is the demo alone).
  if (startDemo) {
    const demo = new URL(process.env.DEMO_INTEGRATION_URL || `http://127.0.0.1:${demoPort}`);
    const entry = `${demo.hostname}:${demo.port || (demo.protocol === "https:" ? 443 : 80)}`;
    env.OUTBOUND_ALLOWLIST = [process.env.OUTBOUND_ALLOWLIST, entry].filter(Boolean).join(",");
  }
  if (startDemo) children.push(run("demo", ["--import", "tsx", "examples/demo-integration/server.ts"]));
  children.push(run("app", dev ? [NEXT_BIN, "dev", "-p", port, "-H", host] : [...SERVE, "-p", port, "-H", host]));
  console.log(`[start] app on http://${host === "0.0.0.0" || host === "::" ? "localhost" : host}:${port}${startDemo ? `, demo integration on http://127.0.0.1:${demoPort}` : ""}`);
}

function run(name, args) {
  // Node itself, not npx: signals then reach the server rather than a wrapper that ignores them.
  const child = spawn(process.execPath, args, { stdio: "inherit", env });
  child.on("exit", (code, signal) => {
    console.log(`[start] ${name} exited (${signal ?? code}); stopping`);
    stopAll();
    // The first to exit says how it went: the others exit because of it (a crash stays a failure).
    if (process.exitCode === undefined) process.exitCode = code ?? 1;
  });
  return child;
}

/** Each child is asked once: a child that exits (the demo, at once) calls this again for the others. */
function stopAll() {
  for (const child of children) if (child.exitCode === null && !child.killed) child.kill("SIGTERM");
}

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, stopAll);

function buildIsStale() {
  const buildId = path.join(".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return ["app", "components", "lib", "public", "package.json", "next.config.ts", "proxy.ts", "instrumentation.ts"].some((entry) => newestMtime(entry) > built);
}

function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(entry).reduce((max, name) => Math.max(max, newestMtime(path.join(entry, name))), stat.mtimeMs);
}
