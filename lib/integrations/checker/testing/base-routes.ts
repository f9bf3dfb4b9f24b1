import { GOOD_CONFIG } from "./base-manifest";
import type { CorpusAnswer, CorpusRequest, CorpusRoute } from "./corpus-server";

/** The records the clean extractor serves: 5, two a page. */
export const RECORDS = ["r1", "r2", "r3", "r4", "r5"].map((id, index) => ({ id, name: `Record ${index + 1}` }));

export const COLUMNS = [
  { slug: "id", type: "string", label: "ID" },
  { slug: "name", type: "string", label: "Name" },
];

const OBJECT_TYPES = ["contacts", "deals"];

/** A clean fetched page at `offset`; a case changes one thing of it. */
export function recordsPage(offset: number, size: number, records: ReadonlyArray<Record<string, unknown>> = RECORDS) {
  const slice = records.slice(offset, offset + size);
  const hasMore = offset + size < records.length;
  return {
    outcome: "fetched",
    columns: COLUMNS,
    idColumnSlug: "id",
    titleColumnSlug: "name",
    data: { kind: "records", records: slice.map((record) => ({ action: "upsert", override: true, record })), hasMore, ...(hasMore && { meta: { offset: offset + size } }) },
  };
}

/** The offset and page size a fetch request asks for. */
export function pageOf(request: CorpusRequest): { offset: number; size: number } {
  const offset = Number(request.body.meta?.offset ?? 0);
  return { offset, size: Number(request.body.extractorConfig?.pageSize ?? 2) };
}

const refused = { status: 401, body: { errorMessage: "Invalid API key" } };
const authed = (route: CorpusRoute): CorpusRoute => (request, state) => (request.body.connectorConfig?.apiKey === GOOD_CONFIG.apiKey ? route(request, state) : refused);
const needsObjectType = (route: (request: CorpusRequest) => CorpusAnswer): CorpusRoute =>
  authed((request) => (OBJECT_TYPES.includes(request.body.params?.objectType) ? route(request) : { status: 400, body: { errorMessage: "params.objectType is required" } }));

/** The clean server: every endpoint the base manifest declares, answering as the contract says. */
export function baseRoutes(): Record<string, CorpusRoute> {
  return {
    "POST /authenticate": (request) =>
      request.body.connectorConfig?.apiKey === GOOD_CONFIG.apiKey ? { body: { outcome: "success" } } : { body: { outcome: "error", reason: "unauthenticated", errorMessage: "Invalid API key" } },
    "POST /listUsers": authed(() => ({ body: [{ id: "u1", email: "ann@corpus.example" }, { id: "u2", email: "bob@corpus.example" }] })),
    "POST /autocompletes/listObjects": authed(() => ({ body: { results: [{ label: "Contacts", value: "contacts" }, { label: "Deals", value: "deals" }] } })),
    "POST /autocompletes/listOwners": authed(() => ({ body: { results: [{ label: "Ann", value: "u1", description: "ann@corpus.example" }] } })),
    "POST /autocompletes/listProperties": needsObjectType(() => ({ body: { results: [{ label: "Name", value: "name" }, { label: "Email", value: "email" }] } })),
    "POST /dynamicSchemas/recordFields": needsObjectType(() => ({
      body: { jsonSchema: { type: "object", properties: { name: { type: "string", title: "Name" } } }, uiSchema: { name: { "ui:widget": "TextWidget" } } },
    })),
    "POST /extractors/records/count": authed(() => ({ body: { count: RECORDS.length } })),
    "POST /extractors/records/fetch": authed((request) => {
      const { offset, size } = pageOf(request);
      return { body: recordsPage(offset, size) };
    }),
    "POST /actions/createRecord/execute": authed((request, state) => {
      const key = request.headers["idempotency-key"];
      const stored = typeof key === "string" ? state.get(`answer:${key}`) : undefined;
      if (stored) return { body: stored };
      const next = Number(state.get("nextId") ?? 1);
      state.set("nextId", next + 1);
      const answer = { outcome: "executed", title: `Created rec_${next}`, data: { id: `rec_${next}`, ...request.body.actionConfig?.fields } };
      if (typeof key === "string") state.set(`answer:${key}`, answer);
      return { body: answer };
    }),
  };
}
