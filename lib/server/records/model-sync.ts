import type { FetchExtractorResponseBody, ModelColumn } from "@/lib/contract";
import type { StoredModel } from "@/lib/db";
import { attemptsAllowed, DEFAULT_EXECUTING_POLICY, delayAfter, withDefaults } from "@/lib/engine/retry-policy";
import { MAX_EXECUTING_CALLS } from "@/lib/engine/limits";
import { sleep } from "@/lib/integrations/sleep";
import type { ConnectorCtx } from "../deps-types";
import { AppError } from "../errors";
import { applyPage } from "./apply-page";
import { openExtractor, type OpenExtractor } from "./extractor-access";

/** A sync's lease: renewed with every page and by heartbeat; a holder that dies loses it at expiry. */
export interface SyncTiming {
  leaseMs: number;
}

/**
 * Told when a sync has ended well, by the one process that ran it: the plays start their batches
 * here (`lib/server/plays`), injected by `engine.ts` so that records do not import plays.
 * `signal` is the sync's own, aborted when its worker stops.
 */
export type OnSyncSucceeded = (sync: { workspaceUuid: string; modelUuid: string; syncUuid: string }, signal: AbortSignal) => Promise<void>;

/** More pages than this in one sync is a server that never says `hasMore: false`. */
export const MAX_SYNC_PAGES = 100_000;

/** Why a sync stopped without an ending of its own: cancelled, or taken over by another process. */
class SyncStopped extends Error {}

/**
 * Executes one sync we have claimed: pages through the extractor's `fetch` from the model's
 * cursor until `hasMore` is false. Each page is applied in one transaction with the sync's
 * figures and the model's new cursor, and only while this process still holds the running sync,
 * so a sync that fails halfway keeps every page it stored and the next one resumes after the last.
 * `fetching` answers are polled on the extractor's policy. The cursor an incremental extractor
 * ends with is kept for the next sync; any other sync that ends well starts the next from scratch.
 */
export async function executeSync(
  ctx: ConnectorCtx,
  {
    workspaceUuid,
    syncUuid,
    owner,
    timing,
    signal,
    onSucceeded,
  }: { workspaceUuid: string; syncUuid: string; owner: string; timing: SyncTiming; signal: AbortSignal; onSucceeded?: OnSyncSucceeded },
): Promise<void> {
  const { db } = ctx;
  const until = () => new Date(Date.now() + timing.leaseMs);
  const sync = await db.modelSyncs.get(syncUuid);
  if (!sync) return;
  try {
    let model = await db.models.get(workspaceUuid, sync.modelUuid);
    if (!model?.extractor) throw new AppError("not_found:model", "The model was removed, or has no extractor to sync from");
    const extractor = await openExtractor(ctx, workspaceUuid, model.extractor);
    const segments = await db.segments.list(workspaceUuid, { modelUuid: model.uuid });
    let meta = model.syncCursor?.meta;
    for (let page = 1; ; page++) {
      if (page > MAX_SYNC_PAGES) throw new AppError("bad_gateway:integration", `The extractor kept answering hasMore after ${MAX_SYNC_PAGES} pages`);
      const answer = await fetchPage(extractor, { meta, modelUuid: model.uuid, signal });
      if (answer.data.kind !== "records") {
        throw new AppError("not_implemented:extractor", "This extractor answers a warehouse command; Relay syncs extractors that return records");
      }
      const { data } = answer;
      if (data.hasMore && data.meta === undefined) throw new AppError("bad_gateway:integration", "The extractor answered hasMore without a meta to continue from");
      const current = withColumns(model, answer);
      const isIncremental = extractor.extractor.mode.kind === "fetch" && extractor.extractor.mode.isIncremental;
      const nextCursor = data.hasMore ? { meta: data.meta } : isIncremental ? { meta: data.meta ?? meta } : null;
      // Everything the page changes is written behind the fence: nothing once the sync was cancelled or taken over.
      await db.transaction(async (tx) => {
        const counts = await applyPage(tx, current, data.records, { syncUuid, segments });
        if (!(await tx.modelSyncs.recordPage(syncUuid, owner, until(), counts))) throw new SyncStopped();
        if (current !== model) await tx.models.setColumns(current.uuid, current);
        await tx.models.setSyncCursor(current.uuid, nextCursor);
      });
      model = current;
      if (!data.hasMore) break;
      meta = data.meta;
    }
    // Cancelled or taken over after its last page: not this process's success to announce.
    if (!(await db.modelSyncs.finish(syncUuid, owner, "success", null))) return;
  } catch (error) {
    if (error instanceof SyncStopped || signal.aborted) return;
    const message = error instanceof Error ? error.message : String(error);
    await db.modelSyncs.finish(syncUuid, owner, "error", message);
    return;
  }
  // Only once the sync has ended well: what it changed in each segment is final.
  await onSucceeded?.({ workspaceUuid, modelUuid: sync.modelUuid, syncUuid }, signal).catch((error: unknown) => {
    console.error(`[records] after sync ${syncUuid}: ${(error as Error)?.message ?? error}`);
  });
}

/** One page, re-called while the server answers `fetching`, on the extractor's polling policy. */
async function fetchPage(extractor: OpenExtractor, { meta, modelUuid, signal }: { meta: unknown; modelUuid: string; signal: AbortSignal }) {
  let answer: FetchExtractorResponseBody = await extractor.fetch({ meta, modelUuid, signal });
  const policy = withDefaults(extractor.extractor.fetching?.retry, DEFAULT_EXECUTING_POLICY);
  const attempts = attemptsAllowed(policy, MAX_EXECUTING_CALLS);
  for (let poll = 1; answer.outcome === "fetching"; poll++) {
    if (poll >= attempts) throw new AppError("gateway_timeout:integration", `The extractor was still fetching after ${poll} calls`);
    await sleep(delayAfter(policy, poll), signal);
    const pending = answer.data.kind === "records" && answer.data.meta !== undefined ? answer.data.meta : meta;
    answer = await extractor.fetch({ meta: pending, modelUuid, signal });
  }
  return answer;
}

/** The model with the columns the latest page declares; the same object when nothing changed. */
function withColumns(model: StoredModel, answer: { columns: ModelColumn[]; idColumnSlug: string; titleColumnSlug: string; timeColumnSlug?: string }): StoredModel {
  const next = { columns: answer.columns, idColumnSlug: answer.idColumnSlug, titleColumnSlug: answer.titleColumnSlug, timeColumnSlug: answer.timeColumnSlug ?? null };
  const same =
    JSON.stringify(next.columns) === JSON.stringify(model.columns) &&
    next.idColumnSlug === model.idColumnSlug &&
    next.titleColumnSlug === model.titleColumnSlug &&
    next.timeColumnSlug === model.timeColumnSlug;
  return same ? model : { ...model, ...next };
}
