import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { toProblems } from "../problems";
import * as seedManifests from "./fixtures/seed-manifests";
import * as seedPayloads from "./fixtures/seed-payloads";
import {
  AuthenticateRequestBody,
  AuthenticateResponseBody,
  AutocompleteRequestBody,
  AutocompleteResponseBody,
  CompleteOauthRequestBody,
  CompleteOauthResponseBody,
  CountExtractorResponseBody,
  DynamicSchemaRequestBody,
  DynamicSchemaResponseBody,
  ExecuteActionRequestBody,
  ExecuteActionResponseBody,
  FetchExtractorRequestBody,
  FetchExtractorResponseBody,
  IntegrationManifest,
  ListUsersRequestBody,
  ListUsersResponseBody,
} from "./index";

const seed = { ...seedManifests, ...seedPayloads };

const examples: Array<[string, z.ZodType, unknown]> = [
  ["GET /manifest", IntegrationManifest, seed.seedManifest],
  ["manifest with the autocomplete snippet", IntegrationManifest, seed.seedAutocompleteManifest],
  ["manifest with the dynamic schema snippet", IntegrationManifest, seed.seedDynamicSchemaManifest],
  ["authenticate request", AuthenticateRequestBody, seed.seedAuthenticateRequest],
  ["authenticate success", AuthenticateResponseBody, seed.seedAuthenticateSuccess],
  ["authenticate error", AuthenticateResponseBody, seed.seedAuthenticateError],
  ["listUsers request", ListUsersRequestBody, seed.seedListUsersRequest],
  ["listUsers response", ListUsersResponseBody, seed.seedListUsersResponse],
  ["execute request", ExecuteActionRequestBody, seed.seedExecuteRequest],
  ["execute executed", ExecuteActionResponseBody, seed.seedExecuteExecuted],
  ["execute executing", ExecuteActionResponseBody, seed.seedExecuteExecuting],
  ["extractor fetch request", FetchExtractorRequestBody, seed.seedFetchRequest],
  ["extractor fetch response", FetchExtractorResponseBody, seed.seedFetchResponse],
  ["extractor count response", CountExtractorResponseBody, seed.seedCountResponse],
  ["autocomplete request", AutocompleteRequestBody, seed.seedAutocompleteRequest],
  ["autocomplete response", AutocompleteResponseBody, seed.seedAutocompleteResponse],
  ["dynamic schema request", DynamicSchemaRequestBody, seed.seedDynamicSchemaRequest],
  ["dynamic schema response", DynamicSchemaResponseBody, seed.seedDynamicSchemaResponse],
  ["dynamic schema response (fields)", DynamicSchemaResponseBody, seed.seedDynamicSchemaFieldsResponse],
  ["completeOauth request", CompleteOauthRequestBody, seed.seedCompleteOauthRequest],
  ["completeOauth response", CompleteOauthResponseBody, seed.seedCompleteOauthResponse],
];

describe("the examples of Cargo's custom-integration docs", () => {
  it.each(examples)("%s parses", (_name, schema, payload) => {
    const result = schema.safeParse(payload);
    expect(result.success ? [] : toProblems(result.error)).toEqual([]);
  });

  it("keeps fields the contract does not name", () => {
    const parsed = IntegrationManifest.parse({ ...seed.seedManifest, category: "custom" });
    expect(parsed.category).toBe("custom");
  });

  it("defaults a missing uiSchema to {}", () => {
    const parsed = DynamicSchemaResponseBody.parse({ jsonSchema: { type: "object" } });
    expect(parsed.uiSchema).toEqual({});
  });

  it("accepts numeric and boolean autocomplete values", () => {
    const parsed = AutocompleteResponseBody.parse({
      results: [
        { label: "Id 7", value: 7 },
        { label: "Yes", value: true },
      ],
    });
    expect(parsed.results.map((result) => result.value)).toEqual([7, true]);
  });
});
