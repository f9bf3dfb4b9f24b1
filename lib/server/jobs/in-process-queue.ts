import type { JobHandlers, JobQueue } from "./job-queue";

/**
 * The embedded default (SQLite): jobs go straight to this process's handlers. Nothing is lost
 * when the process dies, because each job's subject is a durable row (a run `pending` with no
 * lease) that every worker's lease sweep finds; the job only saves waiting for the next sweep.
 * Future job kinds on SQLite need the same property: a row that the sweep can find.
 */
export function createInProcessJobQueue(): JobQueue {
  let handlers: JobHandlers | null = null;
  return {
    kind: "in-process",
    addExpression: () => null,
    async add(_tx, name, payload) {
      const handler = handlers?.[name];
      if (!handler) return;
      // After the caller's transaction has committed: the handler reads what it wrote.
      setImmediate(() => void handler(payload).catch((error) => console.error(`[jobs] ${name} failed`, error)));
    },
    async start(next) {
      handlers = next;
    },
    async stop() {
      handlers = null;
    },
  };
}
