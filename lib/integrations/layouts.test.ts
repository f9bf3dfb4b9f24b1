import { describe, expect, it } from "vitest";
import {
  AuthenticateRequestBody,
  AutocompleteRequestBody,
  CompleteOauthRequestBody,
  CountExtractorRequestBody,
  DynamicSchemaRequestBody,
  ExecuteActionRequestBody,
  FetchExtractorRequestBody,
  LegacyAuthenticateRequestBody,
  LegacyAutocompleteRequestBody,
  LegacyCompleteOauthRequestBody,
  LegacyCountModelRequestBody,
  LegacyDynamicSchemaRequestBody,
  LegacyExecuteActionRequestBody,
  LegacyFetchModelRequestBody,
  LegacyListUsersRequestBody,
  ListUsersRequestBody,
  toProblems,
} from "@/lib/contract";
import * as requests from "./layouts";

const connector = { uuid: "c1", workspaceUuid: "w1", config: { apiKey: "k" } };

interface Schema {
  safeParse(value: unknown): { success: true } | { success: false; error: Parameters<typeof toProblems>[0] };
}

/** The body must satisfy the seed schema and the legacy schema of its endpoint at once (docs/architecture.md, decision 1). */
function expectBoth(request: requests.IntegrationRequest, seed: Schema, legacy: Schema) {
  for (const schema of [seed, legacy]) {
    const result = schema.safeParse(request.body);
    expect(result.success ? [] : toProblems(result.error)).toEqual([]);
  }
}

describe("request bodies carry both layouts' fields", () => {
  it.each<[string, requests.IntegrationRequest, Schema, Schema]>([
    ["authenticate", requests.authenticateRequest(connector), AuthenticateRequestBody, LegacyAuthenticateRequestBody],
    ["listUsers", requests.listUsersRequest(connector), ListUsersRequestBody, LegacyListUsersRequestBody],
    ["execute", requests.executeActionRequest(connector, "ping", { a: 1 }, true), ExecuteActionRequestBody, LegacyExecuteActionRequestBody],
    [
      "legacy model fetch",
      requests.fetchExtractorRequest("legacy", connector, "model", { slug: "deals", pageSize: 5 }, { modelUuid: "m1", meta: { offset: 5 } }),
      FetchExtractorRequestBody,
      LegacyFetchModelRequestBody,
    ],
    ["legacy model count", requests.countExtractorRequest("legacy", connector, "model", { slug: "deals" }), CountExtractorRequestBody, LegacyCountModelRequestBody],
    ["autocomplete", requests.autocompleteRequest("seed", connector, "list", { a: 1 }, "x"), AutocompleteRequestBody, LegacyAutocompleteRequestBody],
    ["dynamic schema", requests.dynamicSchemaRequest("legacy", connector, "fields", {}), DynamicSchemaRequestBody, LegacyDynamicSchemaRequestBody],
    ["completeOauth", requests.completeOauthRequest("code", "http://x/cb"), CompleteOauthRequestBody, LegacyCompleteOauthRequestBody],
  ])("%s", (_name, request, seed, legacy) => expectBoth(request, seed, legacy));
});

describe("paths and extractor fields per layout", () => {
  it("seed: the extractor slug in the path and in `slug`, the config untouched", () => {
    const request = requests.fetchExtractorRequest("seed", connector, "re cords", { objectType: "deals" }, { isDryFetch: true });
    expect(request.path).toBe("/extractors/re%20cords/fetch");
    expect(request.body).toEqual({
      connectorConfig: connector.config,
      connector,
      extractorConfig: { objectType: "deals" },
      config: { objectType: "deals" },
      slug: "re cords",
      isDryFetch: true,
    });
  });

  it("legacy: the chosen object type in `slug`, the extractor slug in `extractorSlug`", () => {
    const request = requests.countExtractorRequest("legacy", connector, "model_1", { slug: "deals", pageSize: 5 });
    expect(request.path).toBe("/model/count");
    expect(request.body).toMatchObject({ slug: "deals", extractorSlug: "model_1", config: { pageSize: 5 }, extractorConfig: { pageSize: 5 } });
  });

  it.each([
    ["seed", "/autocompletes/a%2Fb", "/dynamicSchemas/a%2Fb"],
    ["legacy", "/autocomplete", "/getDynamicSchema"],
  ] as const)("%s autocomplete and dynamic schema paths", (layout, autocompletePath, dynamicSchemaPath) => {
    expect(requests.autocompleteRequest(layout, connector, "a/b", {}).path).toBe(autocompletePath);
    expect(requests.dynamicSchemaRequest(layout, connector, "a/b", {}).path).toBe(dynamicSchemaPath);
  });
});
