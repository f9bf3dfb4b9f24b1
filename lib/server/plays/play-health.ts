import { PLAY_HEALTH_WINDOW, type PlayHealth } from "@/lib/contract";
import type { StoredPlay } from "@/lib/db/repositories/plays";
import type { Deps } from "../deps-types";

type HealthDeps = Pick<Deps, "db">;

/**
 * The play's health from its last {@link PLAY_HEALTH_WINDOW} ended runs (success or error; a
 * cancelled run says nothing about the workflow). Past the threshold the play is paused, once, with
 * the figures as its reason, and starts no batch until it is enabled again; enabling clears the
 * pause, and the same runs may pause it again at the next look unless newer runs have come.
 */
export async function checkPlayHealth(deps: HealthDeps, play: StoredPlay): Promise<{ health: PlayHealth; pausedReason: string | null }> {
  const statuses = await deps.db.plays.recentRunStatuses(play.uuid, PLAY_HEALTH_WINDOW);
  const failed = statuses.filter((status) => status === "error").length;
  let pausedReason = play.pausedReason;
  if (!pausedReason && play.isEnabled && play.healthThreshold !== null && statuses.length > 0 && failed / statuses.length > play.healthThreshold) {
    pausedReason = pauseReason(failed, statuses.length, play.healthThreshold);
    await deps.db.plays.pause(play.uuid, pausedReason);
  }
  return {
    health: { status: pausedReason ? "paused" : "healthy", reason: pausedReason ?? play.notice, recentRunsCount: statuses.length, recentFailedCount: failed },
    pausedReason,
  };
}

/**
 * @example pauseReason(7, 20, 0.3) // "7 of the last 20 runs failed (35% > 30%)"
 */
export function pauseReason(failed: number, count: number, threshold: number): string {
  const percent = (value: number) => `${Math.round(value * 1000) / 10}%`;
  return `${failed} of the last ${count} runs failed (${percent(failed / count)} > ${percent(threshold)})`;
}
