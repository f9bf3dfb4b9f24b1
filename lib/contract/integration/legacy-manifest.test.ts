import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { toProblems } from "../problems";
import * as legacy from "./fixtures/legacy-examples";
import {
  AutocompleteResponseBody,
  ExecuteActionResponseBody,
  LegacyAuthenticateRequestBody,
  LegacyAutocompleteRequestBody,
  LegacyCompleteOauthRequestBody,
  LegacyCountModelRequestBody,
  LegacyDynamicSchemaRequestBody,
  LegacyExecuteActionRequestBody,
  LegacyFetchModelRequestBody,
  LegacyIntegrationManifest,
} from "./index";

const examples: Array<[string, z.ZodType, unknown]> = [
  ["manifest", LegacyIntegrationManifest, legacy.legacyManifest],
  ["authenticate request", LegacyAuthenticateRequestBody, legacy.legacyAuthenticateRequest],
  ["execute request", LegacyExecuteActionRequestBody, legacy.legacyExecuteRequest],
  ["execute response", ExecuteActionResponseBody, legacy.legacyExecuteResponse],
  ["model fetch request", LegacyFetchModelRequestBody, legacy.legacyFetchRequest],
  ["model count request", LegacyCountModelRequestBody, legacy.legacyCountRequest],
  ["autocomplete request", LegacyAutocompleteRequestBody, legacy.legacyAutocompleteRequest],
  ["autocomplete response", AutocompleteResponseBody, legacy.legacyAutocompleteResponse],
  ["getDynamicSchema request", LegacyDynamicSchemaRequestBody, legacy.legacyDynamicSchemaRequest],
  ["completeOauth request", LegacyCompleteOauthRequestBody, legacy.legacyCompleteOauthRequest],
];

describe("legacy layout (getcargohq/dummy-integration)", () => {
  it.each(examples)("%s parses", (_name, schema, payload) => {
    const result = schema.safeParse(payload);
    expect(result.success ? [] : toProblems(result.error)).toEqual([]);
  });

  it("reads the model's variants and the listed autocompletes", () => {
    const manifest = LegacyIntegrationManifest.parse(legacy.legacyManifest);
    expect(manifest.autocompletes.map((autocomplete) => autocomplete.slug)).toEqual(["listObjectProperties"]);
    expect(manifest.model?.variants[0]?.mode).toMatchObject({ kind: "fetch", isIncremental: false });
  });

  it("defaults absent autocompletes and dynamic schemas to empty lists", () => {
    const { autocompletes: _a, dynamicSchemas: _d, ...rest } = legacy.legacyManifest;
    const manifest = LegacyIntegrationManifest.parse(rest);
    expect([manifest.autocompletes, manifest.dynamicSchemas]).toEqual([[], []]);
  });
});
