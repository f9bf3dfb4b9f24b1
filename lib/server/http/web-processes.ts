import cluster, { type Worker } from "node:cluster";

/**
 * How many processes serve the port (`WEB_PROCESSES`, default 1): a whole number from 1 to 64.
 * Anything else stops the start with a message, rather than serving with a guess.
 */
export function webProcessCount(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return 1;
  const count = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isInteger(count) || count < 1 || count > 64) throw new Error(`WEB_PROCESSES must be a whole number from 1 to 64, not "${value}"`);
  return count;
}

/** A process that served at least this long before it exited did not crash at start: no backoff for its replacement. */
const HEALTHY_LIFETIME_MS = 10_000;
const MAX_BACKOFF_MS = 30_000;
/** Failures in a row of one process's place, with none serving, after which the primary gives up (exit 1) so a supervisor sees it. */
const MAX_FAILURES_NONE_SERVING = 8;
/** After a stop is passed on, how long the processes get (their own grace is 10 s) before they are killed. */
const STOP_DEADLINE_MS = 30_000;

/**
 * The primary of `WEB_PROCESSES` > 1 (node:cluster): it serves nothing itself, and starts `count`
 * processes of the production server that share the port (on Linux the primary accepts each
 * connection and hands it to the next process in turn). Each is a whole server, web and worker:
 * runs are still executed by one process at a time through their leases, as with several
 * `npm start` on one database (docs/architecture.md, decisions 14 and 26). The first is started
 * alone and the rest once it listens, so the migrations and the setup code are done once.
 *
 * Until one process has served, a process that dies stops them all: its siblings would fail the
 * same way (a port in use, a database it cannot open). After that a process that dies is
 * replaced, at once when it had served a while, else after a backoff that doubles with each
 * failure in a row of its place (up to 30 s), so a crash at start neither takes the healthy ones
 * down nor loops; when none serves and a place has failed 8 times in a row, the primary gives up
 * with exit code 1, as a single process that cannot start would. SIGTERM or SIGINT is passed on
 * to every process, and the primary exits once all of them have, after their own grace; those
 * still running 30 s later are killed.
 *
 * Resolves with the exit code once every process has exited.
 */
export function runWebProcesses(count: number, ready: () => void): Promise<number> {
  return new Promise((resolve) => {
    const live = new Set<Worker>();
    const serving = new Set<Worker>();
    let stopping = false;
    let failed = false;
    let everServed = false;
    let saidReady = false;
    const pendingStarts = new Set<NodeJS.Timeout>();

    const exitWhenEmpty = () => {
      if (stopping && live.size === 0) resolve(failed ? 1 : 0);
    };
    let stopSignal: NodeJS.Signals | undefined;
    const stopAll = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      stopSignal = signal;
      for (const timer of pendingStarts) clearTimeout(timer);
      for (const worker of live) worker.process.kill(signal);
      // A process stuck in its start or its stop must not hold the primary for ever.
      setTimeout(() => {
        for (const worker of live) worker.process.kill("SIGKILL");
      }, STOP_DEADLINE_MS).unref();
      exitWhenEmpty();
    };
    /** Starts a process in a place whose previous holders failed `failures` times in a row. */
    const start = (failures = 0) => {
      const worker = cluster.fork();
      live.add(worker);
      let servedAt: number | undefined;
      worker.once("listening", () => {
        servedAt = performance.now();
        serving.add(worker);
        if (!everServed) {
          everServed = true;
          // The first listens: the others start now, with the migrations done.
          for (let i = 1; i < count && !stopping; i++) start();
        }
        if (!stopping && !saidReady && serving.size === count) {
          saidReady = true;
          ready();
        }
      });
      worker.once("exit", (code, signal) => {
        live.delete(worker);
        serving.delete(worker);
        const how = signal ?? `code ${code}`;
        if (stopping) {
          // A process that failed its stop, or died of another signal than the one passed on (SIGKILL, a crash).
          if ((code !== 0 && signal === null) || (signal !== null && signal !== stopSignal)) failed = true;
          return exitWhenEmpty();
        }
        if (!everServed) {
          console.error(`[server] a web process exited before any served (${how}); stopping`);
          failed = true;
          return stopAll("SIGTERM");
        }
        const failuresInARow = servedAt !== undefined && performance.now() - servedAt >= HEALTHY_LIFETIME_MS ? 0 : failures + 1;
        if (serving.size === 0 && failuresInARow >= MAX_FAILURES_NONE_SERVING) {
          console.error(`[server] web processes keep exiting before they serve (${how}); stopping`);
          failed = true;
          return stopAll("SIGTERM");
        }
        const delay = failuresInARow === 0 ? 0 : Math.min(MAX_BACKOFF_MS, 500 * 2 ** failuresInARow);
        console.error(`[server] web process ${worker.process.pid} exited (${how}); starting another${delay ? ` in ${delay / 1000} s` : ""}`);
        const timer = setTimeout(() => {
          pendingStarts.delete(timer);
          if (!stopping) start(failuresInARow);
        }, delay);
        pendingStarts.add(timer);
      });
    };

    for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => stopAll(signal));
    start();
  });
}
