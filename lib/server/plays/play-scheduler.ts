import { Cron } from "croner";
import { tickOf } from "./play-schedule";
import { tickPlay } from "./tick-play";
import type { TriggerDeps } from "./trigger-plays";

/** How often a worker reads which plays have a schedule: an edit reaches the scheduler within this. */
export const PLAY_SCHEDULE_SWEEP_MS = 5_000;

/** The scheduling part of a worker: one croner job per enabled play with a schedule. */
export interface PlayScheduler {
  /** Starts, replaces and stops jobs to match the plays as stored now. */
  reconcile(): Promise<void>;
  /** Reconciles at once, then every {@link PLAY_SCHEDULE_SWEEP_MS}. */
  startSweeping(): void;
  /** Stops every job and the sweep, stops the ticks under way and waits for them; `startSweeping` starts again. */
  stop(): Promise<void>;
}

/**
 * The scheduler a worker runs (`ROLE` worker or all). croner times the ticks (UTC; `protect`, so a
 * slow tick is not overlapped by the next one of the same play); the database decides who acts on
 * them: every worker ticks every play, and `tickPlay`'s trigger row lets one batch through per
 * tick. croner never fires a tick missed while no worker ran, so a restart resumes at the next
 * tick with no burst. The jobs follow the stored plays through `reconcile`, a read of the plays
 * every few seconds, not a timer per tick.
 */
export function createPlayScheduler(deps: TriggerDeps, { sweepMs = PLAY_SCHEDULE_SWEEP_MS, tick = tickPlay } = {}): PlayScheduler {
  const jobs = new Map<string, { cron: string; job: Cron }>();
  const ticking = new Set<Promise<unknown>>();
  let sweeper: ReturnType<typeof setInterval> | undefined;
  let reconciling: Promise<void> | undefined;
  // Aborted by `stop`: a tick filling a large batch stops there, and a worker's sweep goes on with it.
  let stopping = new AbortController();

  const onTick = async (playUuid: string, job: Cron): Promise<void> => {
    const work = tick(deps, playUuid, tickOf(job, new Date()), stopping.signal).catch((error) => logError(`play ${playUuid} tick`, error));
    ticking.add(work);
    try {
      await work;
    } finally {
      ticking.delete(work);
    }
  };

  const reconcile = async () => {
    const wanted = new Map((await deps.db.plays.listScheduled()).map((play) => [play.uuid, play.cron]));
    for (const [playUuid, { cron, job }] of jobs) {
      if (wanted.get(playUuid) === cron) continue;
      job.stop();
      jobs.delete(playUuid);
    }
    for (const [playUuid, cron] of wanted) {
      if (jobs.has(playUuid)) continue;
      try {
        jobs.set(playUuid, { cron, job: new Cron(cron, { timezone: "UTC", protect: true, unref: true }, (job: Cron) => onTick(playUuid, job)) });
      } catch (error) {
        // Saved before schedules were checked: left out, said once per sweep.
        logError(`play ${playUuid} schedule ${JSON.stringify(cron)}`, error);
      }
    }
  };

  const sweep = () => {
    reconciling ??= reconcile()
      .catch((error) => logError("reconcile", error))
      .finally(() => (reconciling = undefined));
    return reconciling;
  };

  return {
    reconcile: sweep,
    startSweeping() {
      if (sweeper) return;
      void sweep();
      sweeper = setInterval(sweep, sweepMs);
      sweeper.unref?.();
    },
    async stop() {
      clearInterval(sweeper);
      sweeper = undefined;
      await reconciling;
      for (const { job } of jobs.values()) job.stop();
      jobs.clear();
      stopping.abort(new Error("The worker is stopping"));
      await Promise.allSettled([...ticking]);
      stopping = new AbortController();
    },
  };
}

function logError(what: string, error: unknown) {
  console.error(`[plays] ${what}: ${(error as Error)?.message ?? error}`);
}
