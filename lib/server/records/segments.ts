import {
  formatProblemPath,
  type CreateSegmentRequestBody,
  type FetchRecordsRequestBody,
  type FetchRecordsResponseBody,
  type Filter,
  type RecordSort,
  type Segment,
  type UpdateSegmentRequestBody,
} from "@/lib/contract";
import { FilterError, type StoredModel } from "@/lib/db";
import type { Deps } from "../deps-types";
import { AppError } from "../errors";
import { getStoredModel } from "./models";

type SegmentCtx = Pick<Deps, "db">;

function segmentNotFound(uuid: string): AppError {
  return new AppError("not_found:segment", `No segment with uuid ${uuid}`, { reason: "segmentNotFound" });
}

/**
 * A filter or sort that does not fit the model's columns is a 400 naming the field (Cargo
 * answers no rows, which looks like an empty segment). FilterError paths start at the filter
 * (`groups.…`) or at `sort`, as in the request body.
 */
async function checked<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof FilterError)) throw error;
    const path = formatProblemPath(error.path[0] === "sort" ? error.path : ["filter", ...error.path]);
    throw new AppError("bad_request:filter", `Invalid ${path}: ${error.message}`, { reason: "invalidFilter", problems: [{ path, message: error.message }] });
  }
}

/** Checks a filter and sort against the model by compiling them, no rows asked for. */
async function assertFits(ctx: SegmentCtx, model: StoredModel, filter: Filter, sort: RecordSort): Promise<void> {
  await checked(() => ctx.db.modelRecords.fetch(model, { filter, sort, limit: 0, offset: 0 }));
}

/** `segments/fetch`: a page of a model's records that match a filter, and the count. */
export async function fetchRecords(ctx: SegmentCtx, workspaceUuid: string, body: FetchRecordsRequestBody): Promise<FetchRecordsResponseBody> {
  const model = await getStoredModel(ctx, workspaceUuid, body.modelUuid);
  return checked(() => ctx.db.modelRecords.fetch(model, body));
}

export async function listSegments(ctx: SegmentCtx, workspaceUuid: string, filter: { modelUuid?: string }): Promise<Segment[]> {
  return ctx.db.segments.list(workspaceUuid, filter);
}

export async function getSegment(ctx: SegmentCtx, workspaceUuid: string, uuid: string): Promise<Segment> {
  const segment = await ctx.db.segments.get(workspaceUuid, uuid);
  if (!segment) throw segmentNotFound(uuid);
  return segment;
}

export async function createSegment(ctx: SegmentCtx, workspaceUuid: string, body: CreateSegmentRequestBody): Promise<Segment> {
  const model = await getStoredModel(ctx, workspaceUuid, body.modelUuid);
  await assertFits(ctx, model, body.filter, body.sort);
  return ctx.db.segments.create(workspaceUuid, body);
}

export async function updateSegment(ctx: SegmentCtx, workspaceUuid: string, uuid: string, body: UpdateSegmentRequestBody): Promise<Segment> {
  const current = await getSegment(ctx, workspaceUuid, uuid);
  const model = await getStoredModel(ctx, workspaceUuid, current.modelUuid);
  await assertFits(ctx, model, body.filter ?? current.filter, body.sort ?? current.sort);
  return (await ctx.db.segments.update(workspaceUuid, uuid, body))!;
}

/** Refused (409 `segmentInUse`) while a play uses the segment, or a batch over it is still running. */
export async function removeSegment(ctx: SegmentCtx, workspaceUuid: string, uuid: string): Promise<void> {
  await getSegment(ctx, workspaceUuid, uuid);
  const plays = await ctx.db.plays.namesUsingSegment(workspaceUuid, uuid);
  if (plays.length > 0) {
    throw new AppError("conflict:segment", `The play ${plays.map((name) => JSON.stringify(name)).join(", ")} runs on this segment; remove it or pick another segment first`, {
      reason: "segmentInUse",
    });
  }
  await ctx.db.batches.settle(workspaceUuid);
  const open = await ctx.db.batches.list(workspaceUuid, { statuses: ["pending", "running"], limit: 10_000 });
  const user = open.find((batch) => batch.data.kind === "segment" && batch.data.segmentUuid === uuid);
  if (user) {
    throw new AppError("conflict:segment", `A batch over this segment is still running (${user.uuid}); cancel it or wait for it to end first`, {
      reason: "segmentInUse",
    });
  }
  if (!(await ctx.db.segments.remove(workspaceUuid, uuid))) throw segmentNotFound(uuid);
}

/** What syncs changed in a segment, newest first; one sync's with `syncUuid`. */
export async function listSegmentChanges(ctx: SegmentCtx, workspaceUuid: string, uuid: string, filter: { syncUuid?: string; limit: number }) {
  await getSegment(ctx, workspaceUuid, uuid);
  return ctx.db.segments.listChanges(uuid, filter);
}
