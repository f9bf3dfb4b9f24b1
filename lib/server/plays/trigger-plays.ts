import type { BatchData } from "@/lib/contract";
import type { StoredPlay } from "@/lib/db/repositories/plays";
import type { Deps, Runs } from "../deps-types";
import { playTriggerKey } from "../batches/batch-records";
import { BatchNotStarted, startBatch } from "../batches/create-batch";
import { checkPlayHealth } from "./play-health";

export type TriggerDeps = Pick<Deps, "db" | "integrations" | "settings" | "vault"> & { runs: Pick<Runs, "system" | "owner"> };

/** What a sync that ended well tells the plays. */
export interface SucceededSync {
  workspaceUuid: string;
  modelUuid: string;
  syncUuid: string;
}

/**
 * Starts the batches a sync calls for: for each enabled, unpaused play over the model whose
 * segment the sync changed in one of the play's kinds, one batch of kind `change` running the
 * workflow's deployed release over those records. Safe to call any number of times, from any
 * number of processes: the batch is inserted in one transaction with the play's trigger row,
 * keyed by (play, sync), so a second caller writes nothing. One play failing does not stop the others.
 */
export async function triggerPlays(deps: TriggerDeps, sync: SucceededSync, signal?: AbortSignal): Promise<void> {
  for (const play of await deps.db.plays.listRunnable(sync.workspaceUuid, sync.modelUuid)) {
    // The worker is stopping: the plays left start from the next sync.
    if (signal?.aborted) return;
    try {
      await triggerPlay(deps, play, sync.syncUuid, signal);
    } catch (error) {
      console.error(`[plays] play ${play.uuid} after sync ${sync.syncUuid}: ${(error as Error)?.message ?? error}`);
    }
  }
}

async function triggerPlay(deps: TriggerDeps, play: StoredPlay, syncUuid: string, signal?: AbortSignal): Promise<void> {
  if ((await checkPlayHealth(deps, play)).pausedReason) return;
  const triggerKey = playTriggerKey(syncUuid);
  const data: Extract<BatchData, { kind: "change" }> = {
    kind: "change",
    playUuid: play.uuid,
    modelUuid: play.modelUuid,
    segmentUuid: play.segmentUuid,
    syncUuid,
    changeKinds: play.changeKinds,
    runCreationRule: play.runCreationRule,
  };
  const selection = { ...data, triggerKey: play.runCreationRule === "once" ? triggerKey : null };
  if ((await deps.db.plays.changedRecords(selection)).length === 0) return;
  const release = play.deployedRelease && (await deps.db.releases.get(play.workspaceUuid, play.deployedRelease.uuid));
  if (!release) return deps.db.plays.setNotice(play.uuid, "Deploy the workflow first: a play runs its deployed release");
  const input = { workflowUuid: play.workflowUuid, releaseUuid: release.uuid, nodes: release.nodes, data };
  try {
    const once = play.runCreationRule === "once";
    await startBatch(deps, play.workspaceUuid, input, {}, {
      recordsAfterCommit: once,
      signal,
      also: async (tx, batch) => {
        if (!(await tx.plays.claimTrigger(play.uuid, triggerKey, batch.uuid))) throw new BatchNotStarted();
        if (once) {
          await tx.plays.enroll({ ...selection, triggerKey });
          // Another trigger (a tick) may have enrolled them all since they were read.
          if ((await tx.plays.enrolledIds(play.uuid, triggerKey)).length === 0) throw new BatchNotStarted();
        }
        if (play.notice) await tx.plays.setNotice(play.uuid, null);
      },
    });
  } catch (error) {
    // Another process started this trigger's batch, or every record had been run once already.
    if (error instanceof BatchNotStarted || (error as { reason?: string })?.reason === "noRecords") return;
    throw error;
  }
}
