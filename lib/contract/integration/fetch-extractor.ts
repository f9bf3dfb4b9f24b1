import { z } from "zod";
import { LegacyConnectorRef } from "./connector-ref";
import { ExtractorColumn } from "./extractor-column";
import { ExtractorRecord } from "./extractor-record";
import { ConfigValues } from "./json-schema";

/** `POST /extractors/:slug/fetch`: one page of records. */
export const FetchExtractorRequestBody = z.looseObject({
  connectorConfig: ConfigValues.describe("Connector config, secrets decrypted"),
  extractorConfig: ConfigValues.describe("The extractor's config"),
  meta: z.unknown().optional().describe("Cursor from the previous page; absent on the first"),
});
export type FetchExtractorRequestBody = z.infer<typeof FetchExtractorRequestBody>;

/** `POST /model/fetch` of the legacy layout. */
export const LegacyFetchModelRequestBody = z.looseObject({
  connector: LegacyConnectorRef,
  uuid: z.string().describe("Uuid of the data model being filled"),
  slug: z.string().describe("Object type the user picked, e.g. `product`"),
  config: ConfigValues.describe("The model's config"),
  meta: z.unknown().optional().describe("Cursor from the previous page; absent on the first"),
  isDryFetch: z.boolean().optional().describe("Preview fetch"),
});
export type LegacyFetchModelRequestBody = z.infer<typeof LegacyFetchModelRequestBody>;

const columnsShape = {
  columns: z.array(ExtractorColumn).describe("Every column, on every page"),
  idColumnSlug: z.string().describe("Primary-key column"),
  titleColumnSlug: z.string().describe("Display column"),
  timeColumnSlug: z.string().optional().describe("Event-time column"),
};

export const RecordsPage = z.looseObject({
  kind: z.literal("records"),
  records: z.array(ExtractorRecord),
  hasMore: z.boolean().describe("Call again with `meta` for the next page"),
  meta: z.unknown().optional().describe("Cursor for the next page"),
});
export type RecordsPage = z.infer<typeof RecordsPage>;

/** SQL the platform runs in its warehouse, for warehouse-backed integrations. */
export const CommandPage = z.looseObject({
  kind: z.literal("command"),
  command: z.string().describe("SQL statement"),
  materialization: z.enum(["table", "view"]),
});
export type CommandPage = z.infer<typeof CommandPage>;

export const ExtractorFetched = z.looseObject({
  outcome: z.literal("fetched"),
  ...columnsShape,
  uniqueColumns: z.array(z.string()).optional().describe("Slugs of columns whose values are unique"),
  count: z.number().int().nonnegative().optional().describe("Total records, for progress"),
  data: z.discriminatedUnion("kind", [RecordsPage, CommandPage]),
});
export type ExtractorFetched = z.infer<typeof ExtractorFetched>;

/** Still exporting: the platform calls again with `data.meta`. */
export const ExtractorFetching = z.looseObject({
  outcome: z.literal("fetching"),
  ...columnsShape,
  data: z.discriminatedUnion("kind", [
    z.looseObject({ kind: z.literal("records"), meta: z.unknown().optional() }),
    z.looseObject({ kind: z.literal("command") }),
  ]),
});
export type ExtractorFetching = z.infer<typeof ExtractorFetching>;

export const FetchExtractorResponseBody = z.discriminatedUnion("outcome", [ExtractorFetched, ExtractorFetching]);
export type FetchExtractorResponseBody = z.infer<typeof FetchExtractorResponseBody>;
