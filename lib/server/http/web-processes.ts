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

/**
 * The primary of `WEB_PROCESSES` > 1 (node:cluster): it serves nothing itself, and starts `count`
 * processes of the production server that share the port (the primary hands each new connection
 * to the next). Each is a whole server, web and worker: runs are still executed by one process at
 * a time through their leases, as with several `npm start` on one database (docs/architecture.md,
 * decision 14). The first is started alone and the rest once it listens, so the migrations and
 * the setup code are done once. A process that dies after it listened is replaced; one that
 * dies before stops them all, since its siblings would die the same way (a port in use, a
 * database it cannot open). SIGTERM or SIGINT is passed on to every process, and the primary
 * exits once all of them have, after their own grace.
 *
 * Resolves with the exit code once every process has exited.
 */
export function runWebProcesses(count: number, ready: () => void): Promise<number> {
  return new Promise((resolve) => {
    const live = new Set<Worker>();
    let stopping = false;
    let failed = false;

    const stopAll = (signal: NodeJS.Signals) => {
      stopping = true;
      for (const worker of live) worker.process.kill(signal);
      if (live.size === 0) resolve(failed ? 1 : 0);
    };
    const start = () =>
      new Promise<void>((listening) => {
        const worker = cluster.fork();
        live.add(worker);
        let served = false;
        worker.once("listening", () => {
          served = true;
          listening();
        });
        worker.once("exit", (code, signal) => {
          live.delete(worker);
          if (stopping) {
            if (code !== 0 && signal === null) failed = true;
            if (live.size === 0) resolve(failed ? 1 : 0);
            return;
          }
          if (served) {
            console.error(`[server] web process ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another`);
            void start();
            return;
          }
          console.error(`[server] a web process exited before it served (${signal ?? `code ${code}`}); stopping`);
          failed = true;
          stopAll("SIGTERM");
          listening();
        });
      });

    for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => stopAll(signal));
    void (async () => {
      await start();
      if (stopping) return;
      await Promise.all(Array.from({ length: count - 1 }, start));
      if (!stopping && live.size === count) ready();
    })();
  });
}
