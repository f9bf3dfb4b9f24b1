import { Logger, run, runMigrations, type Runner, type TaskList } from "graphile-worker";
import pg from "pg";
import type { SqlExpression } from "@/lib/db/sql-client";
import type { JobHandlers, JobName, JobPayloads, JobQueue } from "./job-queue";

const jobKey = <Name extends JobName>(name: Name, payload: JobPayloads[Name]) => `${name}:${Object.values(payload).join(":")}`;

/** graphile-worker says a lot at info level (every job); only what needs a human is kept. */
const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.warn(`[jobs] ${message}`);
});

/**
 * Jobs in Postgres through graphile-worker: `add` is its `add_job` SQL function called on the
 * caller's connection (inside the caller's transaction, or the caller's own statement through
 * `addExpression`), and workers on any number of machines
 * take jobs with `SKIP LOCKED` and are woken by LISTEN/NOTIFY, so a job starts within
 * milliseconds. Its tables live in the `graphile_worker` schema, migrated at start.
 */
export async function createGraphileJobQueue(connectionString: string, { concurrency }: { concurrency: number }): Promise<JobQueue> {
  await runMigrations({ connectionString, logger: quietLogger });
  // The runner's connections (a job holds one while it is fetched and completed, plus one for
  // LISTEN). Ours rather than graphile-worker's own, so `stop` can wait for it to
  // close: graphile-worker ends a pool it made without waiting, and a connection the server drops
  // meanwhile would be an unhandled error.
  const pool = new pg.Pool({ connectionString, max: concurrency + 1 });
  pool.on("error", () => undefined);
  let runner: Runner | null = null;
  const addExpression = <Name extends JobName>(name: Name, payload: JobPayloads[Name]): SqlExpression => ({
    // job_key: adding the same run twice keeps one job.
    sql: "graphile_worker.add_job(?, ?::json, job_key => ?, max_attempts => 5)",
    params: [name, JSON.stringify(payload), jobKey(name, payload)],
  });
  return {
    kind: "graphile-worker",
    addExpression,
    async add(tx, name, payload) {
      const { sql, params } = addExpression(name, payload);
      await tx.run(`SELECT ${sql}`, params);
    },
    async start(handlers: JobHandlers) {
      if (runner) return;
      const taskList: TaskList = {};
      for (const [name, handler] of Object.entries(handlers)) taskList[name] = (payload) => handler(payload as never);
      runner = await run({
        pgPool: pool,
        concurrency,
        noHandleSignals: true,
        pollInterval: 2_000,
        logger: quietLogger,
        taskList,
      });
      // The runner's own failures (its cron query on a lost connection) reject this; unhandled,
      // Node would end the process. The run sweep takes up whatever its jobs would have.
      runner.promise.catch((error: unknown) => console.error("[jobs] the job runner stopped:", error instanceof Error ? error.message : error));
    },
    async stop() {
      const current = runner;
      runner = null;
      await current?.stop();
      await pool.end().catch(() => undefined);
    },
  };
}
