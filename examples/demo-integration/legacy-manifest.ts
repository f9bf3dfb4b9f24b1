import { ACTIONS } from "./actions/index";
import { AUTOCOMPLETES } from "./autocompletes";
import { BRAND, connectorConfig, RATE_LIMIT } from "./connector-config";
import { DYNAMIC_SCHEMAS } from "./dynamic-schemas";
import { pageSizeConfig } from "./extractors";
import { mapValues } from "./manifest";
import { OBJECT_TYPES } from "./objects";

/**
 * `GET /legacy/manifest`: the same integration in the older layout of getcargohq/dummy-integration,
 * with autocompletes and dynamic schemas as arrays and one `model` whose slug is the object type.
 */
export function buildLegacyManifest(baseUrl: string, rateLimit: { unit: string; max: number } | null = RATE_LIMIT) {
  return {
    name: "Demo CRM (legacy)",
    ...BRAND,
    url: baseUrl,
    connector: { config: connectorConfig(baseUrl), ...(rateLimit && { rateLimit }) },
    actions: mapValues(ACTIONS, (action) => action.manifest),
    autocompletes: Object.entries(AUTOCOMPLETES).map(([slug, autocomplete]) => ({ slug, ...autocomplete.manifest })),
    dynamicSchemas: Object.entries(DYNAMIC_SCHEMAS).map(([slug, schema]) => ({ slug, ...schema.manifest })),
    model: {
      slug: { jsonSchema: { type: "string", title: "Object", enum: [...OBJECT_TYPES] }, uiSchema: {} },
      variants: [{ config: pageSizeConfig, mode: { kind: "fetch", isIncremental: true }, preview: "records" }],
    },
  };
}
