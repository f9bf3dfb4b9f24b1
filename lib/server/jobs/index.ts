import type { Settings } from "../settings";
import { createGraphileJobQueue } from "./graphile-queue";
import { createInProcessJobQueue } from "./in-process-queue";
import type { JobQueue } from "./job-queue";

export type { JobHandlers, JobName, JobPayloads, JobQueue } from "./job-queue";

/** Postgres: graphile-worker. SQLite: this process's handlers (the rows themselves are the durable part). */
export async function createJobQueue(settings: Pick<Settings, "databaseUrl">, { concurrency }: { concurrency: number }): Promise<JobQueue> {
  if (settings.databaseUrl) return createGraphileJobQueue(settings.databaseUrl, { concurrency });
  return createInProcessJobQueue();
}
