import type { Batch, BatchResponseBody, BatchStatus, GetRunResponseBody, Run, RunStatus } from "@/lib/contract";
import type { ApiClient } from "./api-client";
import { option, type OptionSpec, type Values } from "./command-table";
import { CliError } from "./output";

/** Runs and batches share their statuses; these three never change again. */
const TERMINAL: ReadonlySet<RunStatus | BatchStatus> = new Set(["success", "error", "cancelled"]);

/** Whether a run or batch has ended (whatever way). */
export function isFinished(subject: { status: string }): boolean {
  return TERMINAL.has(subject.status as RunStatus);
}

export interface WaitOptions {
  /** Milliseconds between two polls (`--polling-interval`). */
  intervalMs: number;
  /** Replaced in tests so they do not wait for real. */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls until `get` answers something whose status is terminal, and returns that answer: what
 * `--wait-until-finished` does for runs and batches. It has no deadline of its own, as a batch may
 * take hours; Ctrl-C stops waiting (the run or batch goes on).
 *
 * @example await waitUntilFinished(() => getBatch(uuid), (answer) => answer.batch, { intervalMs: 2000 })
 */
export async function waitUntilFinished<T>(get: () => Promise<T>, subjectOf: (answer: T) => { status: string }, options: WaitOptions): Promise<T> {
  const sleep = options.sleep ?? realSleep;
  for (;;) {
    const answer = await get();
    if (isFinished(subjectOf(answer))) return answer;
    await sleep(options.intervalMs);
  }
}

/** `--wait-until-finished` and `--polling-interval`, shared by every command that starts a run or a batch. */
export function waitOptions(defaultIntervalMs: number): OptionSpec[] {
  return [
    option.flag("--wait-until-finished", "wait until it has ended (success, error or cancelled), then print it"),
    option.int("--polling-interval <ms>", `how often to check while waiting (default ${defaultIntervalMs})`),
  ];
}

/** The polling interval a command was given, never so short that waiting floods the server. */
export function pollingInterval(values: Values, defaultIntervalMs: number): number {
  const interval = (values.pollingInterval as number | undefined) ?? defaultIntervalMs;
  if (interval < 100) throw new CliError("--polling-interval must be at least 100 (milliseconds)");
  return interval;
}

/** Polls `GET /orchestration/runs/:uuid` until the run ends; answers `{run}`, as creating one does. */
export async function waitForRun(api: ApiClient, uuid: string, intervalMs: number): Promise<{ run: Run }> {
  const answer = await waitUntilFinished(() => api.json<GetRunResponseBody>({ method: "GET", path: `/orchestration/runs/${uuid}` }), (body) => body.run, { intervalMs });
  return { run: answer.run };
}

/** Polls `GET /orchestration/batches/:uuid` until the batch ends; answers `{batch}`. */
export function waitForBatch(api: ApiClient, uuid: string, intervalMs: number): Promise<{ batch: Batch }> {
  return waitUntilFinished(() => api.json<BatchResponseBody>({ method: "GET", path: `/orchestration/batches/${uuid}` }), (body) => body.batch, { intervalMs });
}
