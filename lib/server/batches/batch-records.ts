import { BATCH_DATA_KINDS, BatchData, formatProblemPath, toProblems, type Filter, type RecordSort } from "@/lib/contract";
import { z } from "zod";
import { FilterError, type StoredModel } from "@/lib/db";
import type { Deps } from "../deps-types";
import { AppError, invalidInput } from "../errors";
import { readFileRecords } from "../files/read-file";
import { getStoredModel } from "../records/models";

/** One record of a batch: the run's `data`, and what names it in lists and downloads. */
export interface BatchRecord {
  data: Record<string, unknown>;
  recordId: string;
  recordTitle: string;
}

/** Records are read, and their runs created, this many at a time. */
export const BATCH_CHUNK = 200;

type RecordsDeps = Pick<Deps, "db" | "settings">;

/** The body's `data` read by its kind: 400 `invalidDataKind` for a kind we do not know, 400 with every problem else. */
export function parseBatchData(data: { kind: string }): BatchData {
  if (!(BATCH_DATA_KINDS as readonly string[]).includes(data.kind)) {
    throw new AppError("bad_request:data", `Unknown data kind ${JSON.stringify(data.kind)}; use one of ${BATCH_DATA_KINDS.join(", ")}`, {
      reason: "invalidDataKind",
    });
  }
  // Wrapped, so that problem paths start at `data` as in the request body.
  const parsed = z.object({ data: BatchData }).safeParse({ data });
  if (parsed.success) return parsed.data.data;
  throw invalidInput("data", toProblems(parsed.error));
}

/**
 * The records `data` names, in chunks of at most {@link BATCH_CHUNK}, read as they are consumed
 * (a file row by row, a model page by page): a batch of any size is never whole in memory. The
 * model, file or segment is looked up before the first chunk (404 when it is not there).
 */
export async function* batchRecords(deps: RecordsDeps, workspaceUuid: string, data: BatchData): AsyncGenerator<BatchRecord[]> {
  switch (data.kind) {
    case "records":
      for (let at = 0; at < data.records.length; at += BATCH_CHUNK) {
        yield data.records.slice(at, at + BATCH_CHUNK).map((record, index) => inlineRecord(record, at + index));
      }
      return;
    case "file":
      yield* inChunks(readFileRecords(deps, workspaceUuid, data.fileUuid), inlineRecord);
      return;
    case "recordIds": {
      const model = await getStoredModel(deps, workspaceUuid, data.modelUuid);
      const ids = [...new Set(data.ids)];
      for (let at = 0; at < ids.length; at += BATCH_CHUNK) {
        const part = ids.slice(at, at + BATCH_CHUNK);
        const found = await deps.db.modelRecords.getMany(model.uuid, part);
        const records = part.filter((id) => found.has(id)).map((id) => modelRecord(model, found.get(id)!));
        if (records.length > 0) yield records;
      }
      return;
    }
    case "filter": {
      const model = await getStoredModel(deps, workspaceUuid, data.modelUuid);
      yield* matching(deps, model, data.filter, [], data.limit);
      return;
    }
    case "segment": {
      const segment = await deps.db.segments.get(workspaceUuid, data.segmentUuid);
      if (!segment) throw new AppError("not_found:segment", `No segment with uuid ${data.segmentUuid}`, { reason: "segmentNotFound" });
      const model = await getStoredModel(deps, workspaceUuid, segment.modelUuid);
      yield* matching(deps, model, segment.filter, segment.sort);
      return;
    }
    case "change":
      yield* changed(deps, workspaceUuid, data);
      return;
    case "schedule": {
      const { model, ids } = await scheduledRecordIds(deps, workspaceUuid, data);
      for (let at = 0; at < ids.length; at += BATCH_CHUNK) {
        const part = ids.slice(at, at + BATCH_CHUNK);
        const found = await deps.db.modelRecords.getMany(model.uuid, part);
        yield part.map((id) => modelRecord(model, found.get(id) ?? { [model.idColumnSlug]: id }));
      }
      return;
    }
  }
}

/** What starts a play's batch at a tick of its schedule: one batch per play and tick, however many workers tick. */
export const cronTriggerKey = (tickAt: string | Date) => `cron:${new Date(tickAt).toISOString()}`;

/**
 * The records a play's tick runs: its segment's, in the segment's order; for runCreationRule
 * `once`, those no other trigger enrolled. Once the tick's trigger is claimed they are exactly the
 * records it enrolled (in id order), so a worker taking the batch over reads the same set.
 */
export async function scheduledRecordIds(deps: RecordsDeps, workspaceUuid: string, data: Extract<BatchData, { kind: "schedule" }>) {
  const segment = await deps.db.segments.get(workspaceUuid, data.segmentUuid);
  if (!segment) throw new AppError("not_found:segment", `No segment with uuid ${data.segmentUuid}`, { reason: "segmentNotFound" });
  const model = await getStoredModel(deps, workspaceUuid, segment.modelUuid);
  const key = cronTriggerKey(data.tickAt);
  if (data.runCreationRule === "once" && (await deps.db.plays.hasTrigger(data.playUuid, key))) return { model, ids: await deps.db.plays.enrolledIds(data.playUuid, key) };
  const ids = await filtered(() => deps.db.modelRecords.matchingIds(model, { filter: segment.filter, sort: segment.sort }));
  if (data.runCreationRule === "always") return { model, ids };
  const keys = new Map<string, string>();
  for (let at = 0; at < ids.length; at += 500) {
    for (const [id, enrolledUnder] of await deps.db.plays.enrollmentKeys(data.playUuid, ids.slice(at, at + 500))) keys.set(id, enrolledUnder);
  }
  return { model, ids: ids.filter((id) => (keys.get(id) ?? key) === key) };
}

/**
 * A play's batch: the records its sync changed in the segment, in the kinds asked, in id order
 * (for runCreationRule `once`, those this batch's trigger enrolled). A record the sync removed
 * from the model is only its id.
 */
async function* changed(deps: RecordsDeps, workspaceUuid: string, data: Extract<BatchData, { kind: "change" }>): AsyncGenerator<BatchRecord[]> {
  const model = await getStoredModel(deps, workspaceUuid, data.modelUuid);
  const triggerKey = data.runCreationRule === "once" ? playTriggerKey(data.syncUuid) : null;
  const ids = (await deps.db.plays.changedRecords({ ...data, triggerKey })).map((change) => change.recordId);
  for (let at = 0; at < ids.length; at += BATCH_CHUNK) {
    const part = ids.slice(at, at + BATCH_CHUNK);
    const found = await deps.db.modelRecords.getMany(model.uuid, part);
    yield part.map((id) => modelRecord(model, found.get(id) ?? { [model.idColumnSlug]: id }));
  }
}

/** What starts a play's batch after a sync: one batch per play and key, however many processes see it. */
export const playTriggerKey = (syncUuid: string) => `sync:${syncUuid}`;

/**
 * A model's records that match, at most `limit`: their ids once (one query, in the sort's order),
 * then the records by id a chunk at a time, so no page re-runs the filter and a sync meanwhile
 * neither skips nor repeats a record.
 */
async function* matching(deps: RecordsDeps, model: StoredModel, filter: Filter, sort: RecordSort, limit?: number): AsyncGenerator<BatchRecord[]> {
  const ids = await filtered(() => deps.db.modelRecords.matchingIds(model, { filter, sort, limit }));
  for (let at = 0; at < ids.length; at += BATCH_CHUNK) {
    const part = ids.slice(at, at + BATCH_CHUNK);
    const found = await deps.db.modelRecords.getMany(model.uuid, part);
    const records = part.filter((id) => found.has(id)).map((id) => modelRecord(model, found.get(id)!));
    if (records.length > 0) yield records;
  }
}

/** A filter that does not fit the model's columns is a 400 naming the field, as segments answer. */
async function filtered<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof FilterError)) throw error;
    const path = formatProblemPath(error.path[0] === "sort" ? error.path : ["data", "filter", ...error.path]);
    throw new AppError("bad_request:filter", `Invalid ${path}: ${error.message}`, { reason: "invalidFilter", problems: [{ path, message: error.message }] });
  }
}

function modelRecord(model: StoredModel, data: Record<string, unknown>): BatchRecord {
  const recordId = String(data[model.idColumnSlug] ?? "");
  const title = data[model.titleColumnSlug];
  return { data, recordId, recordTitle: title === null || title === undefined || title === "" ? recordId : String(title) };
}

/** A record given inline or from a file: its `id` field, else its position; `name` or `title`, else the id. */
function inlineRecord(data: Record<string, unknown>, index: number): BatchRecord {
  const recordId = textOf(data.id) ?? String(index);
  return { data, recordId, recordTitle: textOf(data.name) ?? textOf(data.title) ?? recordId };
}

function textOf(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : typeof value === "number" || typeof value === "bigint" ? String(value) : null;
}

async function* inChunks(rows: AsyncIterable<Record<string, unknown>>, toRecord: typeof inlineRecord): AsyncGenerator<BatchRecord[]> {
  const chunk: BatchRecord[] = [];
  let index = 0;
  for await (const row of rows) {
    chunk.push(toRecord(row, index++));
    if (chunk.length === BATCH_CHUNK) yield chunk.splice(0);
  }
  if (chunk.length > 0) yield chunk;
}
