import type { BatchData } from "@/lib/contract";
import { cronTriggerKey, scheduledRecordIds } from "../batches/batch-records";
import { BatchNotStarted, startBatch } from "../batches/create-batch";
import { checkPlayHealth } from "./play-health";
import type { TriggerDeps } from "./trigger-plays";

/**
 * One tick of a play's schedule: a batch of kind `schedule` running the workflow's deployed
 * release over the segment's records at `tickAt` (for `once`, those not enrolled yet). Safe to call
 * from every worker that ticks: the batch is inserted in one transaction with the trigger row
 * keyed by (play, `cron:<tick>`), so only the first caller writes anything. A disabled, paused or
 * unscheduled play starts nothing; without a deployed release it says so. Answers the batch's uuid,
 * or null when this call started none. A plain function of the time, so tests give the time.
 * `signal` (the worker stopping) stops creating the batch's runs; a worker's sweep goes on with it.
 */
export async function tickPlay(deps: TriggerDeps, playUuid: string, tickAt: Date, signal?: AbortSignal): Promise<string | null> {
  const play = await deps.db.plays.find(playUuid);
  if (!play?.isEnabled || !play.schedule || (await checkPlayHealth(deps, play)).pausedReason) return null;
  const release = play.deployedRelease && (await deps.db.releases.get(play.workspaceUuid, play.deployedRelease.uuid));
  if (!release) {
    await deps.db.plays.setNotice(play.uuid, "Deploy the workflow first: a play runs its deployed release");
    return null;
  }
  const triggerKey = cronTriggerKey(tickAt);
  const data: Extract<BatchData, { kind: "schedule" }> = {
    kind: "schedule",
    playUuid: play.uuid,
    segmentUuid: play.segmentUuid,
    tickAt: tickAt.toISOString(),
    runCreationRule: play.runCreationRule,
  };
  const once = play.runCreationRule === "once" ? (await scheduledRecordIds(deps, play.workspaceUuid, data)).ids : [];
  const input = { workflowUuid: play.workflowUuid, releaseUuid: release.uuid, nodes: release.nodes, data };
  try {
    const batch = await startBatch(deps, play.workspaceUuid, input, {}, {
      recordsAfterCommit: play.runCreationRule === "once",
      signal,
      also: async (tx, batch) => {
        // A tick while the last tick's batch still runs is skipped: a slow workflow would pile them up.
        if (await tx.plays.hasUnfinishedBatch(play.uuid, "cron:")) throw new BatchNotStarted();
        if (!(await tx.plays.claimTrigger(play.uuid, triggerKey, batch.uuid))) throw new BatchNotStarted();
        if (play.runCreationRule === "once") {
          await tx.plays.enrollIds(play.uuid, triggerKey, once);
          // A sync's trigger may have enrolled them all since they were read.
          if ((await tx.plays.enrolledIds(play.uuid, triggerKey)).length === 0) throw new BatchNotStarted();
        }
        if (play.notice) await tx.plays.setNotice(play.uuid, null);
      },
    });
    return batch.uuid;
  } catch (error) {
    // Another worker started this tick's batch, or the segment had no record left to run.
    if (error instanceof BatchNotStarted || (error as { reason?: string })?.reason === "noRecords") return null;
    throw error;
  }
}
