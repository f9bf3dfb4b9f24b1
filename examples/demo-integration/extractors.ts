import { z } from "zod";
import { requireCredentials } from "./auth";
import type { CrmRecord } from "./record-types";
import { notFound } from "./errors";
import type { FormSchema } from "./manifest-types";
import { OBJECT_TYPES, OBJECTS, type ObjectType, type PropertyType } from "./objects";
import { parseOrThrow } from "./parse";
import type { ContractBody } from "./request-body";
import type { DemoState } from "./state";

const COLUMN_TYPES: Record<PropertyType, "string" | "number" | "date"> = {
  string: "string",
  number: "number",
  integer: "number",
  date: "date",
  datetime: "date",
};

const pageSizeSchema = { type: "integer", title: "Page size", minimum: 1, maximum: 100, default: 20 };
const PageSize = z.coerce.number().int().min(1).max(100).default(20);
const Config = z.object({ objectType: z.enum(OBJECT_TYPES), pageSize: PageSize });
const Cursor = z.object({
  updatedAfter: z.iso.datetime().optional(),
  offset: z.number().int().min(0).default(0),
});

/** The incremental sync cursor: records updated after `updatedAfter`, skipping `offset` of them. */
export type Cursor = z.output<typeof Cursor>;

/** The extractor config form without objectType, for layout A where the model slug carries it. */
export const pageSizeConfig: FormSchema = {
  jsonSchema: { type: "object", properties: { pageSize: pageSizeSchema } },
  uiSchema: {},
};

/** Every extractor, by slug, as its manifest entry. */
export const EXTRACTORS = {
  records: {
    name: "Records",
    description: "Contacts, companies or deals, synced incrementally by update time",
    config: {
      jsonSchema: {
        type: "object",
        required: ["objectType"],
        properties: {
          objectType: { type: "string", title: "Object", enum: [...OBJECT_TYPES] },
          pageSize: pageSizeSchema,
        },
      },
      uiSchema: {},
    },
    mode: { kind: "fetch", isIncremental: true, minIntervalInSeconds: 60 },
    preview: "records",
  },
} as const;

/** `POST /extractors/:slug/fetch`. */
export function fetchExtractor(state: DemoState, slug: string, body: ContractBody) {
  requireExtractor(slug, body);
  const { objectType, pageSize } = parseOrThrow(Config, body.config, "extractorConfig");
  return fetchRecordsPage(state, objectType, pageSize, body.meta);
}

/** `POST /extractors/:slug/count`. */
export function countExtractor(state: DemoState, slug: string, body: ContractBody): { count: number } {
  requireExtractor(slug, body);
  const { objectType } = parseOrThrow(Config, body.config, "extractorConfig");
  return { count: state.store.list(objectType).length };
}

/**
 * One page of records sorted by (updatedAt, id). The last page's meta is the watermark
 * `{updatedAfter: newest updatedAt, offset: 0}`, so a later sync that starts from it gets only changes.
 */
export function fetchRecordsPage(state: DemoState, objectType: ObjectType, pageSize: number, meta: unknown) {
  const cursor = parseOrThrow(Cursor, meta ?? {}, "meta");
  const matching = state.store
    .list(objectType)
    .filter((record) => !cursor.updatedAfter || String(record.updatedAt) > cursor.updatedAfter)
    .sort(byUpdateThenId);
  const page = matching.slice(cursor.offset, cursor.offset + pageSize);
  const next = cursor.offset + page.length;
  const hasMore = next < matching.length;
  const newest = matching.at(-1)?.updatedAt;
  const nextMeta: Cursor = hasMore
    ? { updatedAfter: cursor.updatedAfter, offset: next }
    : { updatedAfter: newest === undefined || newest === null ? cursor.updatedAfter : String(newest), offset: 0 };
  const object = OBJECTS[objectType];
  return {
    outcome: "fetched" as const,
    columns: object.properties.map((property) => ({
      slug: property.name,
      type: COLUMN_TYPES[property.type],
      label: property.label,
    })),
    idColumnSlug: "id",
    titleColumnSlug: object.titleProperty,
    timeColumnSlug: "updatedAt",
    count: matching.length,
    data: {
      kind: "records" as const,
      records: page.map((record) => ({ action: "upsert" as const, override: true, record })),
      hasMore,
      meta: nextMeta,
    },
  };
}

function requireExtractor(slug: string, body: ContractBody): void {
  if (!Object.hasOwn(EXTRACTORS, slug)) throw notFound(`Unknown extractor "${slug}"`);
  requireCredentials(body.connectorConfig);
}

// ISO-8601 UTC strings of equal length sort chronologically as plain text.
function byUpdateThenId(a: CrmRecord, b: CrmRecord): number {
  return compareText(String(a.updatedAt), String(b.updatedAt)) || compareText(String(a.id), String(b.id));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
