import { ACTIONS } from "./actions/index";
import { AUTOCOMPLETES } from "./autocompletes";
import { BRAND, connectorConfig, RATE_LIMIT } from "./connector-config";
import { DYNAMIC_SCHEMAS } from "./dynamic-schemas";
import { EXTRACTORS } from "./extractors";

/** `GET /manifest` in the seed's layout: actions, autocompletes, dynamic schemas and extractors as maps by slug. */
export function buildManifest(baseUrl: string, rateLimit: { unit: string; max: number } | null = RATE_LIMIT) {
  return {
    name: "Demo CRM",
    ...BRAND,
    url: baseUrl,
    connector: { config: connectorConfig(baseUrl), ...(rateLimit && { rateLimit }) },
    actions: mapValues(ACTIONS, (action) => action.manifest),
    extractors: EXTRACTORS,
    autocompletes: mapValues(AUTOCOMPLETES, (autocomplete) => autocomplete.manifest),
    dynamicSchemas: mapValues(DYNAMIC_SCHEMAS, (schema) => schema.manifest),
  };
}

/** Applies a function to every value of an object, keeping the keys. */
export function mapValues<T, U>(object: Record<string, T>, map: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, map(value)]));
}
