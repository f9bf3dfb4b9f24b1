import { Logger, run, runMigrations, type Runner, type TaskList } from "graphile-worker";
import type { JobHandlers, JobQueue } from "./job-queue";

/** graphile-worker says a lot at info level (every job); only what needs a human is kept. */
const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.warn(`[jobs] ${message}`);
});

/**
 * Jobs in Postgres through graphile-worker: `add` is its `add_job` SQL function called on the
 * caller's connection (inside the caller's transaction), and workers on any number of machines
 * take jobs with `SKIP LOCKED` and are woken by LISTEN/NOTIFY, so a job starts within
 * milliseconds. Its tables live in the `graphile_worker` schema, migrated at start.
 */
export async function createGraphileJobQueue(connectionString: string, { concurrency }: { concurrency: number }): Promise<JobQueue> {
  await runMigrations({ connectionString, logger: quietLogger });
  let runner: Runner | null = null;
  return {
    kind: "graphile-worker",
    async add(tx, name, payload) {
      // job_key: adding the same run twice keeps one job.
      await tx.run("SELECT graphile_worker.add_job(?, ?::json, job_key => ?, max_attempts => 5)", [
        name,
        JSON.stringify(payload),
        `${name}:${Object.values(payload).join(":")}`,
      ]);
    },
    async start(handlers: JobHandlers) {
      if (runner) return;
      const taskList: TaskList = {};
      for (const [name, handler] of Object.entries(handlers)) taskList[name] = (payload) => handler(payload as never);
      runner = await run({
        connectionString,
        concurrency,
        noHandleSignals: true,
        pollInterval: 2_000,
        logger: quietLogger,
        taskList,
      });
    },
    async stop() {
      const current = runner;
      runner = null;
      await current?.stop();
    },
  };
}
