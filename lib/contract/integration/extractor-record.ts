import { z } from "zod";

export const ExtractorRecordAction = z
  .enum(["insert", "update", "upsert", "remove"])
  .describe("What to do with the record; `remove` matches on the id column");
export type ExtractorRecordAction = z.infer<typeof ExtractorRecordAction>;

/** One change to the data model in a fetched page. */
export const ExtractorRecord = z.looseObject({
  action: ExtractorRecordAction,
  override: z.boolean().optional().describe("Replace the stored row rather than merge into it"),
  record: z.record(z.string(), z.unknown()).describe("Values keyed by column slug"),
});
export type ExtractorRecord = z.infer<typeof ExtractorRecord>;
