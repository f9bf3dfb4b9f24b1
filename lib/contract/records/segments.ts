import { z } from "zod";
import { IsoDateTime, Uuid } from "../api/common";
import { Filter, RecordSort } from "./filter";

/** A saved filter over one model. */
export const Segment = z.object({
  uuid: Uuid,
  modelUuid: Uuid,
  name: z.string(),
  filter: Filter,
  sort: RecordSort,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Segment = z.infer<typeof Segment>;

export const CreateSegmentRequestBody = z.strictObject({
  modelUuid: Uuid,
  name: z.string().trim().min(1).max(120),
  filter: Filter,
  sort: RecordSort.default([]),
});
export type CreateSegmentRequestBody = z.infer<typeof CreateSegmentRequestBody>;

export const UpdateSegmentRequestBody = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  filter: Filter.optional(),
  sort: RecordSort.optional(),
});
export type UpdateSegmentRequestBody = z.infer<typeof UpdateSegmentRequestBody>;

export const SegmentListQuery = z.object({ modelUuid: Uuid.optional() });

/** A page of a model's records that match a filter, and how many match in all. */
export const FetchRecordsRequestBody = z.strictObject({
  modelUuid: Uuid,
  filter: Filter.default({ conjonction: "and", groups: [] }),
  sort: RecordSort.default([]),
  limit: z.number().int().min(0).max(1000).default(100),
  offset: z.number().int().min(0).default(0),
});
export type FetchRecordsRequestBody = z.infer<typeof FetchRecordsRequestBody>;

export const FetchRecordsResponseBody = z.object({
  records: z.array(z.record(z.string(), z.unknown())),
  count: z.number().int(),
});
export type FetchRecordsResponseBody = z.infer<typeof FetchRecordsResponseBody>;

/** What one sync did to one segment's membership. */
export const SegmentChange = z.object({
  syncUuid: Uuid,
  segmentUuid: Uuid,
  recordId: z.string(),
  kind: z.enum(["added", "updated", "removed"]),
  createdAt: IsoDateTime,
});
export type SegmentChange = z.infer<typeof SegmentChange>;

export const SegmentListResponseBody = z.object({ segments: z.array(Segment) });
export const SegmentResponseBody = z.object({ segment: Segment });
export const SegmentChangeListResponseBody = z.object({ changes: z.array(SegmentChange) });
