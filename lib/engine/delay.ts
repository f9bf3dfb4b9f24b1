import { PermanentNodeError } from "./errors";
import type { Execution, RunState } from "./ports";
import { openExecutionOf } from "./walk-steps";

/**
 * The longest wait a `delay` spends inside the walk, holding its queue slot. A longer one parks
 * the run instead: the state is saved as it is (the delay's execution `running`, the cursor on
 * it) and the queue wakes the run by timer.
 */
export const INLINE_DELAY_MAX_MS = 1_000;

/**
 * The longest delay: a year (527,040 minutes, 366 days). A wake time far enough out breaks the
 * lease that keeps a parked run from others (past year 9999 its ISO text sorts before today's,
 * so the run is taken up at every sweep), and a number that large is a wrong unit (a timestamp
 * in milliseconds), not a wait anyone means.
 */
export const MAX_DELAY_MINUTES = 366 * 24 * 60;

/** The delay's `minutes`, checked. */
export function delayMinutes(config: Record<string, unknown>): number {
  const minutes = Number(config.minutes);
  if (!Number.isFinite(minutes) || minutes < 0) throw new PermanentNodeError("Delay needs a number of minutes, 0 or more");
  if (minutes > MAX_DELAY_MINUTES) {
    throw new PermanentNodeError(`Delay is ${minutes.toLocaleString("en-US")} minutes; at most ${MAX_DELAY_MINUTES.toLocaleString("en-US")} (366 days) are allowed`);
  }
  return minutes;
}

/** When a delay ends, in ms since the epoch: measured from its start, so a restart waits only what is left. */
export function delayEndsAt(execution: Pick<Execution, "startedAt">, minutes: number): number {
  return Date.parse(execution.startedAt) + minutes * 60_000;
}

/**
 * When a run parked on a delay is due, in ms since the epoch; null when the run is not waiting
 * on a delay. Derived from the saved state alone (cursor, running execution, computed config),
 * so it survives a restart without a column of its own.
 */
export function wakeTimeOf(state: RunState): number | null {
  if (state.run.status !== "running" || !state.cursorNodeUuid) return null;
  const node = state.run.nodes.find((candidate) => candidate.uuid === state.cursorNodeUuid);
  if (node?.kind !== "native" || node.actionSlug !== "delay") return null;
  const execution = openExecutionOf(state, node.uuid);
  const config = state.computedConfigs[node.uuid] as Record<string, unknown> | undefined;
  if (!execution || !config) return null;
  try {
    return delayEndsAt(execution, delayMinutes(config));
  } catch {
    return null;
  }
}
