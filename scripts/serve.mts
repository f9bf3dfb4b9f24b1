// The production server `npm start` runs (and the e2e suite, the production check and the
// benchmarks): /api/* goes straight to the API app, everything else to Next's handler for the
// build in NEXT_DIST_DIR (default .next). Run from the project folder:
//   node --conditions=react-server scripts/compiled.mjs scripts/serve.mts [-p 3000] [-H 127.0.0.1] [--keepAliveTimeout ms]
// (compiled at start into one module; `--import tsx` in place of scripts/compiled.mjs runs it from
// the sources as they load, more slowly).
// The react-server condition makes `server-only` (imported by lib/server) the empty module it is
// in Next's server build. WEB_PROCESSES=N serves the port from N processes (web-processes.ts).
import cluster from "node:cluster";
import { parseArgs } from "node:util";
import { runWebProcesses, webProcessCount } from "../lib/server/http/web-processes";

const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H" },
    keepAliveTimeout: { type: "string" },
  },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
// Only this machine can reach the app unless HOST says otherwise (README: "Serving a team").
const hostname = values.hostname ?? process.env.HOST ?? "127.0.0.1";
const keepAliveTimeout = values.keepAliveTimeout ? Number(values.keepAliveTimeout) : undefined;
let processes: number;
try {
  processes = webProcessCount(process.env.WEB_PROCESSES);
} catch (error) {
  console.error(`[server] could not start: ${(error as Error).message}`);
  process.exit(1);
}
const readyLine = `[server] ready on http://${hostname}:${port}`;

if (cluster.isPrimary && processes > 1) {
  process.exit(await runWebProcesses(processes, () => console.log(`${readyLine} (${processes} web processes)`)));
}

// A stop asked for while the server starts (it may already be taking over runs) waits for the
// start, then stops as any other: its runs are handed back rather than left to their leases. A
// start that takes 30 s more (a migration waiting for another instance's lock) is given up.
let stopping = false;
let app: { close(): Promise<void> } | undefined = undefined;
const stop = () =>
  app?.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error("[server] error while stopping", error);
      process.exit(1);
    },
  );
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    // Once: start.mjs and the terminal may both signal one stop (Ctrl-C reaches the whole group).
    if (stopping) return;
    stopping = true;
    if (!app) setTimeout(() => process.exit(1), 30_000).unref();
    void stop();
  });
}

// Loaded here, not above: the primary of WEB_PROCESSES serves nothing and needs none of it.
const [{ default: nextConfig }, { startAppServer }] = await Promise.all([import("../next.config"), import("../lib/server/http/app-server")]);
app = await startAppServer({ dir: process.cwd(), conf: nextConfig, hostname, port, keepAliveTimeout }).catch((error: unknown) => {
  console.error("[server] could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
if (stopping) void stop();
// Under a primary, the primary says it once for all.
else if (cluster.isPrimary) console.log(readyLine);
