// `npm run worker`: a process that executes runs and serves no HTTP. Start as many as you like, on
// as many machines as share the database (DATABASE_URL=postgres://…; on SQLite, processes on the
// same machine sharing DATA_DIR). SIGTERM stops taking work, lets running runs finish for up to
// WORKER_GRACE_MS (10 s), hands the rest back to the other workers, then exits.
import { closeDeps, createDeps } from "@/lib/server/deps";
import { DEFAULT_RUN_CONCURRENCY, readSettings } from "@/lib/server/settings";

const settings = { ...readSettings(), role: "worker" as const };
const graceMs = settings.workerGraceMs ?? 10_000;
const deps = await createDeps(settings);
console.info(
  `[worker] executing runs as ${deps.runs.owner} (${deps.db.dialect}, jobs: ${deps.runs.jobs.kind}, ` +
    `${settings.runConcurrency ?? DEFAULT_RUN_CONCURRENCY} at a time)`,
);

// The engine's timers do not hold a process open (the web server does that in `npm start`); here
// this one does, until shutdown.
const keepAlive = setInterval(() => undefined, 60_000);

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    // Once: start.mjs and the terminal may both signal one stop (Ctrl-C reaches the whole group).
    if (stopping) return;
    stopping = true;
    clearInterval(keepAlive);
    console.info(`[worker] ${signal}: finishing or handing back running runs`);
    closeDeps(deps, graceMs)
      .then(() => process.exit(0))
      .catch((error) => {
        console.error("[worker] could not stop cleanly", error);
        process.exit(1);
      });
  });
}
