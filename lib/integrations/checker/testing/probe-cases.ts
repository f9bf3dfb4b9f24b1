import { recordsPage, pageOf, RECORDS } from "./base-routes";
import type { CorpusCase } from "./corpus-case";
import type { CorpusRoute } from "./corpus-server";

const fetchRoute = (page: (offset: number, size: number, call: number) => unknown): Record<string, CorpusRoute> => ({
  "POST /extractors/records/fetch": (request, state) => {
    const call = Number(state.get("fetches") ?? 0);
    state.set("fetches", call + 1);
    const { offset, size } = pageOf(request);
    return { body: page(offset, size, call) };
  },
});
const answer = (body: unknown, status = 200): CorpusRoute => () => ({ status, body });

/** Faults of the server's behaviour: only calling its endpoints shows them. */
export const probeCases: CorpusCase[] = [
  {
    name: "authenticate refusing the right credentials",
    server: { routes: { "POST /authenticate": answer({ outcome: "error", reason: "unauthenticated", errorMessage: "Bad key" }) } },
    expected: { code: "authenticate.refused", path: "authenticate:answer.outcome", endpoint: "POST /authenticate" },
  },
  {
    name: "an autocomplete failing with HTTP 500",
    server: { routes: { "POST /autocompletes/listOwners": answer({ errorMessage: "boom" }, 500) } },
    expected: { code: "endpoint.server-error", path: "autocompletes.listOwners:answer", endpoint: "POST /autocompletes/listOwners" },
  },
  {
    name: "an autocomplete answering HTML instead of JSON",
    server: { routes: { "POST /autocompletes/listProperties": answer("<html><body>Welcome</body></html>") } },
    expected: { code: "endpoint.not-json", path: "autocompletes.listProperties:answer", endpoint: "POST /autocompletes/listProperties" },
  },
  {
    name: "a dynamic schema that never answers",
    timeoutMs: 300,
    server: { routes: { "POST /dynamicSchemas/recordFields": () => ({ hang: true }) } },
    expected: { code: "endpoint.timeout", path: "dynamicSchemas.recordFields:answer", endpoint: "POST /dynamicSchemas/recordFields" },
  },
  {
    name: "an autocomplete refusing good credentials",
    server: { routes: { "POST /autocompletes/listOwners": answer({ errorMessage: "Forbidden" }, 403) } },
    expected: { code: "endpoint.refused", path: "autocompletes.listOwners:answer", endpoint: "POST /autocompletes/listOwners" },
  },
  {
    name: "an autocomplete answering a redirect",
    server: { routes: { "POST /autocompletes/listOwners": () => ({ status: 302, headers: { location: "/elsewhere" }, body: {} }) } },
    expected: { code: "endpoint.redirect", path: "autocompletes.listOwners:answer", endpoint: "POST /autocompletes/listOwners" },
  },
  {
    name: "an autocomplete option without a label",
    server: { routes: { "POST /autocompletes/listObjects": answer({ results: [{ label: "Contacts", value: "contacts" }, { value: "deals" }] }) } },
    expected: { code: "answer.invalid", path: "autocompletes.listObjects:answer.results[1].label", endpoint: "POST /autocompletes/listObjects" },
  },
  {
    name: "an autocomplete with two options of one value",
    server: { routes: { "POST /autocompletes/listObjects": answer({ results: [{ label: "Contacts", value: "contacts" }, { label: "People", value: "contacts" }] }) } },
    expected: { code: "autocomplete.duplicate-values", path: "autocompletes.listObjects:answer.results[1].value", endpoint: "POST /autocompletes/listObjects" },
  },
  {
    name: "a dynamic schema answering a widget Relay does not render",
    server: { routes: { "POST /dynamicSchemas/recordFields": answer({ jsonSchema: { type: "object", properties: { name: { type: "string" } } }, uiSchema: { name: { "ui:widget": "Wysiwyg" } } }) } },
    expected: { code: "ui.unknown-widget", path: 'dynamicSchemas.recordFields:answer.uiSchema.name["ui:widget"]', endpoint: "POST /dynamicSchemas/recordFields" },
  },
  {
    name: "a dynamic schema whose field reads a missing outer field",
    server: {
      routes: {
        "POST /dynamicSchemas/recordFields": answer({
          jsonSchema: { type: "object", properties: { owner: { type: "string" } } },
          uiSchema: { owner: { "ui:widget": "IntegrationAutocompleteWidget", "ui:options": { slug: "listOwners", params: { objectType: "$root.objectKind" } } } },
        }),
      },
    },
    expected: { code: "params.missing-field", path: 'dynamicSchemas.recordFields:answer.uiSchema.owner["ui:options"].params.objectType', endpoint: "POST /dynamicSchemas/recordFields" },
  },
  {
    name: "listUsers missing although the manifest declares users",
    server: { routes: { "POST /listUsers": answer({ errorMessage: "Not found" }, 404) } },
    expected: { code: "users.list-missing", path: "users", endpoint: "POST /listUsers" },
  },
  {
    name: "listUsers answering a user without an email",
    server: { routes: { "POST /listUsers": answer([{ id: "u1" }]) } },
    expected: { code: "answer.invalid", path: "listUsers:answer[0].email", endpoint: "POST /listUsers" },
  },
  {
    name: "an id column that is not among the columns",
    server: { routes: fetchRoute((offset, size) => ({ ...recordsPage(offset, size), idColumnSlug: "uuid" })) },
    expected: { code: "extractor.id-column-missing", path: "extractors.records:fetch[0].idColumnSlug", endpoint: "POST /extractors/records/fetch" },
  },
  {
    name: "a title column that is not among the columns",
    server: { routes: fetchRoute((offset, size) => ({ ...recordsPage(offset, size), titleColumnSlug: "title" })) },
    expected: { code: "extractor.title-column-missing", path: "extractors.records:fetch[0].titleColumnSlug", endpoint: "POST /extractors/records/fetch" },
  },
  {
    name: "extractor pages that repeat ids",
    server: { routes: fetchRoute((offset, size) => overlapping(offset, size)) },
    expected: { code: "extractor.duplicate-ids", path: "extractors.records:fetch[1].data.records[0].record.id", endpoint: "POST /extractors/records/fetch" },
  },
  {
    name: "a hasMore that never ends",
    server: { routes: fetchRoute((offset, size) => endless(offset, size)) },
    expected: { code: "extractor.paging-unbounded", path: "extractors.records:fetch[2].data.hasMore", endpoint: "POST /extractors/records/fetch" },
  },
  {
    name: "a count that disagrees with the records",
    server: { routes: { "POST /extractors/records/count": answer({ count: 7 }) } },
    expected: { code: "extractor.count-mismatch", path: "extractors.records:count.count", endpoint: "POST /extractors/records/count" },
  },
  {
    name: "a meta the server does not read back",
    server: { routes: { "POST /extractors/records/fetch": (request) => ({ body: recordsPage(Number(request.body.cursor?.offset ?? 0), 2) }) } },
    expected: { code: "extractor.meta-ignored", path: "extractors.records:fetch[1].data.records", endpoint: "POST /extractors/records/fetch" },
  },
  {
    name: "a page with hasMore and no meta",
    server: { routes: fetchRoute((offset, size) => withoutMeta(recordsPage(offset, size))) },
    expected: { code: "extractor.meta-missing", path: "extractors.records:fetch[0].data.meta", endpoint: "POST /extractors/records/fetch" },
  },
  {
    name: "records carrying a field that is not a column",
    server: { routes: fetchRoute((offset, size) => recordsPage(offset, size, RECORDS.map((record) => ({ ...record, score: 1 })))) },
    expected: { code: "extractor.unknown-record-field", path: "extractors.records:fetch[0].data.records[0].record.score", endpoint: "POST /extractors/records/fetch" },
  },
  {
    name: "a count preview without a count endpoint",
    server: { routes: { "POST /extractors/records/count": answer({ errorMessage: "Not found" }, 404) } },
    expected: { code: "extractor.count-missing", path: "extractors.records:count", endpoint: "POST /extractors/records/count" },
  },
  {
    name: "an execute that runs again for a repeated Idempotency-Key",
    server: {
      routes: {
        "POST /actions/createRecord/execute": (_request, state) => {
          const next = Number(state.get("nextId") ?? 1);
          state.set("nextId", next + 1);
          return { body: { outcome: "executed", title: "Created", data: { id: `rec_${next}` } } };
        },
      },
    },
    expected: { code: "execute.not-idempotent", path: "actions.createRecord:execute[1].data.id", endpoint: "POST /actions/createRecord/execute" },
  },
];

/** Each page starts one record before where the last one ended. */
function overlapping(offset: number, size: number) {
  const page = recordsPage(offset, size);
  return page.data.hasMore ? { ...page, data: { ...page.data, meta: { offset: offset + size - 1 } } } : page;
}

/** Fresh ids forever, always hasMore. */
function endless(offset: number, size: number) {
  const records = Array.from({ length: offset + size }, (_, index) => ({ id: `r${index + 1}`, name: `Record ${index + 1}` }));
  const page = recordsPage(offset, size, records);
  return { ...page, data: { ...page.data, hasMore: true, meta: { offset: offset + size } } };
}

function withoutMeta(page: ReturnType<typeof recordsPage>) {
  const { meta: _meta, ...data } = page.data as typeof page.data & { meta?: unknown };
  return { ...page, data };
}
