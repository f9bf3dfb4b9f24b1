import type { Batch, BatchResponseBody, BatchStatus, GetRunResponseBody, Run, RunResponseBody, RunStatus } from "@/lib/contract";
import { isTransient, type ApiClient } from "./api-client";
import { option, type CommandContext, type OptionSpec, type Values } from "./command-table";
import { CliError } from "./output";

/** Runs and batches share their statuses; these three never change again. */
const TERMINAL: ReadonlySet<RunStatus | BatchStatus> = new Set(["success", "error", "cancelled"]);

/**
 * The exit code of a command that waited for a run or batch which then ended `error` or
 * `cancelled`: its JSON is still printed, but `set -e` scripts stop. Distinct from 1 (the command
 * itself failed, `{errorMessage}` on stderr) so a script can tell the two apart.
 */
export const ENDED_BADLY_EXIT_CODE = 2;

/** How long polling rides out failures a redeploy causes (502/503/504, refused or reset connections) before giving up. */
export const RETRY_WINDOW_MS = 120_000;

/** Whether a run or batch has ended (whatever way). */
export function isFinished(subject: { status: string }): boolean {
  return TERMINAL.has(subject.status as RunStatus);
}

/** 0 for a run or batch that ended `success`, {@link ENDED_BADLY_EXIT_CODE} for `error` or `cancelled`. */
export function exitCodeOf(subject: { status: string }): number {
  return subject.status === "error" || subject.status === "cancelled" ? ENDED_BADLY_EXIT_CODE : 0;
}

export interface WaitOptions {
  /** Milliseconds between two polls (`--polling-interval`), and between two tries after a transient failure. */
  intervalMs: number;
  /** What is waited for, for the message when polling gives up: "run <uuid>". */
  subject?: string;
  /** How long transient failures in a row are retried (default {@link RETRY_WINDOW_MS}). */
  retryWindowMs?: number;
  /** Replaced in tests so they do not wait for real. */
  sleep?: (ms: number) => Promise<void>;
  /** Replaced in tests, along with `sleep`. */
  now?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls until `get` answers something whose status is terminal, and returns that answer: what
 * `--wait-until-finished` does for runs and batches. It has no deadline of its own, as a batch may
 * take hours; Ctrl-C stops waiting (the run or batch goes on). A poll that fails the way a
 * redeploy does is tried again at the same interval for up to `retryWindowMs`, so an hour-long
 * wait does not die on one 502; any other failure ends the wait at once.
 *
 * @example await waitUntilFinished(() => getBatch(uuid), (answer) => answer.batch, { intervalMs: 2000 })
 */
export async function waitUntilFinished<T>(get: () => Promise<T>, subjectOf: (answer: T) => { status: string }, options: WaitOptions): Promise<T> {
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const windowMs = options.retryWindowMs ?? RETRY_WINDOW_MS;
  let failingSince: number | undefined;
  for (;;) {
    try {
      const answer = await get();
      failingSince = undefined;
      if (isFinished(subjectOf(answer))) return answer;
    } catch (error) {
      if (!isTransient(error)) throw error;
      failingSince ??= now();
      if (now() - failingSince >= windowMs) throw gaveUp(error as CliError, options.subject, now() - failingSince);
    }
    await sleep(options.intervalMs);
  }
}

function gaveUp(last: CliError, subject = "it", failingMs: number): CliError {
  const message = `Stopped waiting for ${subject}: Relay kept failing for ${Math.round(failingMs / 1000)} s (last: ${last.message}); it goes on without the CLI`;
  return new CliError(message, { ...last.body, errorMessage: message });
}

/** `--wait-until-finished` and `--polling-interval`, shared by every command that starts a run or a batch. */
export function waitOptions(defaultIntervalMs: number): OptionSpec[] {
  return [
    option.flag("--wait-until-finished", `wait until it has ended (success, error or cancelled), then print it; exit code ${ENDED_BADLY_EXIT_CODE} if error or cancelled`),
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
  const get = () => api.json<GetRunResponseBody>({ method: "GET", path: `/orchestration/runs/${uuid}` });
  const answer = await waitUntilFinished(get, (body) => body.run, { intervalMs, subject: `run ${uuid}` });
  return { run: answer.run };
}

/** Polls `GET /orchestration/batches/:uuid` until the batch ends; answers `{batch}`. */
export function waitForBatch(api: ApiClient, uuid: string, intervalMs: number): Promise<{ batch: Batch }> {
  const get = () => api.json<BatchResponseBody>({ method: "GET", path: `/orchestration/batches/${uuid}` });
  return waitUntilFinished(get, (body) => body.batch, { intervalMs, subject: `batch ${uuid}` });
}

/**
 * The answer of a command that started a run, with `--wait-until-finished`: the run once ended
 * (polled if the API handed it back unfinished), and the command's exit code set from its status.
 */
export async function finishRun(context: CommandContext, api: ApiClient, answer: RunResponseBody, intervalMs: number): Promise<{ run: Run }> {
  const ended = isFinished(answer.run) ? answer : await waitForRun(api, answer.run.uuid, intervalMs);
  context.exitCode = exitCodeOf(ended.run);
  return ended;
}

/**
 * As {@link finishRun}, for a batch. Only the batch's own status counts: a batch ends `success`
 * once every record has run, even if some runs failed (`failedRunsCount` says how many).
 */
export async function finishBatch(context: CommandContext, api: ApiClient, answer: BatchResponseBody, intervalMs: number): Promise<{ batch: Batch }> {
  const ended = isFinished(answer.batch) ? answer : await waitForBatch(api, answer.batch.uuid, intervalMs);
  context.exitCode = exitCodeOf(ended.batch);
  return ended;
}
