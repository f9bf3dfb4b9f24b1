import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { toProblems } from "../problems";
import * as seedManifests from "./fixtures/seed-manifests";
import * as seedPayloads from "./fixtures/seed-payloads";
import {
  AuthenticateResponseBody,
  AutocompleteResponseBody,
  CompleteOauthResponseBody,
  DynamicSchemaResponseBody,
  ExecuteActionResponseBody,
  FetchExtractorResponseBody,
  IntegrationManifest,
  ListUsersResponseBody,
} from "./index";

const seed = { ...seedManifests, ...seedPayloads };

type Key = string | number;
type Container = Record<Key, unknown>;

/** A deep copy of `payload` whose value at `path` is handed to `change` with its parent. */
function edited(payload: unknown, path: Key[], change: (parent: Container, key: Key) => void): unknown {
  const copy: unknown = structuredClone(payload);
  const parent = path.slice(0, -1).reduce((node, key) => (node as Container)[key], copy);
  change(parent as Container, path[path.length - 1] as Key);
  return copy;
}

const withValue = (payload: unknown, path: Key[], value: unknown) =>
  edited(payload, path, (parent, key) => (parent[key] = value));

const without = (payload: unknown, path: Key[]) => edited(payload, path, (parent, key) => delete parent[key]);

// Path second: the test title prints it, and printing a schema would walk the whole zod tree.
const rows: Array<[string, string, z.ZodType, unknown]> = [
  [
    "action without name",
    "actions.createRecord.name",
    IntegrationManifest,
    without(seed.seedManifest, ["actions", "createRecord", "name"]),
  ],
  [
    "action config without jsonSchema",
    "actions.createRecord.config.jsonSchema",
    IntegrationManifest,
    without(seed.seedManifest, ["actions", "createRecord", "config", "jsonSchema"]),
  ],
  [
    "rate limit per week",
    "connector.rateLimit.unit",
    IntegrationManifest,
    withValue(seed.seedManifest, ["connector", "rateLimit", "unit"], "week"),
  ],
  [
    "negative rate limit",
    "connector.rateLimit.max",
    IntegrationManifest,
    withValue(seed.seedManifest, ["connector", "rateLimit", "max"], -1),
  ],
  ["color as a number", "color", IntegrationManifest, withValue(seed.seedManifest, ["color"], 0x6366f1)],
  [
    "extractor mode push",
    "extractors.fetchRecords.mode.kind",
    IntegrationManifest,
    withValue(seed.seedManifest, ["extractors", "fetchRecords", "mode", "kind"], "push"),
  ],
  [
    "extractor preview all",
    "extractors.fetchRecords.preview",
    IntegrationManifest,
    withValue(seed.seedManifest, ["extractors", "fetchRecords", "preview"], "all"),
  ],
  [
    "autocompletes as a list",
    "autocompletes",
    IntegrationManifest,
    withValue(seed.seedManifest, ["autocompletes"], []),
  ],
  [
    "action slug with a dash and no name",
    'actions["create-record"].name',
    IntegrationManifest,
    withValue(seed.seedManifest, ["actions", "create-record"], { description: "", config: { jsonSchema: {} } }),
  ],
  ["manifest as a list", "(root)", IntegrationManifest, []],
  [
    "autocomplete result without label",
    "results[1].label",
    AutocompleteResponseBody,
    without(seed.seedAutocompleteResponse, ["results", 1, "label"]),
  ],
  [
    "autocomplete value as an object",
    "results[0].value",
    AutocompleteResponseBody,
    withValue(seed.seedAutocompleteResponse, ["results", 0, "value"], { id: 1 }),
  ],
  ["execute outcome done", "outcome", ExecuteActionResponseBody, { outcome: "done" }],
  [
    "executed without title",
    "title",
    ExecuteActionResponseBody,
    without(seed.seedExecuteExecuted, ["title"]),
  ],
  [
    "childIndex as a string",
    "childIndex",
    ExecuteActionResponseBody,
    withValue(seed.seedExecuteExecuted, ["childIndex"], "1"),
  ],
  [
    "authenticate error reason nope",
    "reason",
    AuthenticateResponseBody,
    withValue(seed.seedAuthenticateError, ["reason"], "nope"),
  ],
  [
    "fetch column type text",
    "columns[1].type",
    FetchExtractorResponseBody,
    withValue(seed.seedFetchResponse, ["columns", 1, "type"], "text"),
  ],
  [
    "fetch record action merge",
    "data.records[0].action",
    FetchExtractorResponseBody,
    withValue(seed.seedFetchResponse, ["data", "records", 0, "action"], "merge"),
  ],
  [
    "fetch data kind stream",
    "data.kind",
    FetchExtractorResponseBody,
    withValue(seed.seedFetchResponse, ["data", "kind"], "stream"),
  ],
  [
    "listUsers item without email",
    "[0].email",
    ListUsersResponseBody,
    without(seed.seedListUsersResponse, [0, "email"]),
  ],
  ["listUsers wrapped in an object", "(root)", ListUsersResponseBody, { users: seed.seedListUsersResponse }],
  [
    "dynamic schema without jsonSchema",
    "jsonSchema",
    DynamicSchemaResponseBody,
    without(seed.seedDynamicSchemaResponse, ["jsonSchema"]),
  ],
  ["completeOauth value 42", "value", CompleteOauthResponseBody, { value: 42 }],
];

describe("malformed payloads", () => {
  it.each(rows)("%s → %s", (_name, path, schema, payload) => {
    const result = schema.safeParse(payload);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(toProblems(result.error).map((problem) => problem.path)).toEqual([path]);
  });

  it("lists every problem of a manifest, not only the first", () => {
    const withoutName = without(seed.seedManifest, ["actions", "createRecord", "name"]);
    const perWeek = withValue(withoutName, ["connector", "rateLimit", "unit"], "week");
    const manifest = withValue(perWeek, ["extractors", "fetchRecords", "preview"], "all");
    const result = IntegrationManifest.safeParse(manifest);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(toProblems(result.error).map((problem) => problem.path).sort()).toEqual([
      "actions.createRecord.name",
      "connector.rateLimit.unit",
      "extractors.fetchRecords.preview",
    ]);
  });
});
