import { z } from "zod";
import { requireCredentials } from "./auth";
import { notFound } from "./errors";
import type { ManifestParamsEntry } from "./manifest-types";
import { OBJECT_TYPES, OBJECTS, type PropertyDefinition } from "./objects";
import { parseOrThrow } from "./parse";
import type { ContractBody } from "./request-body";
import type { DemoState } from "./state";

/** One option of an IntegrationAutocompleteWidget. */
export interface AutocompleteResult {
  label: string;
  value: string;
  description?: string;
  parent?: string;
}

interface DemoAutocomplete {
  manifest: ManifestParamsEntry;
  run(state: DemoState, params: Record<string, unknown>, value: unknown): AutocompleteResult[];
}

const objectTypeParam = { type: "string", enum: [...OBJECT_TYPES] };
const ListObjectPropertiesParams = z.object({ objectType: z.enum(OBJECT_TYPES) });
const ListOwnersParams = z.object({ objectType: z.enum(OBJECT_TYPES).optional() });

/** Every autocomplete, by slug. */
export const AUTOCOMPLETES: Record<string, DemoAutocomplete> = {
  listObjects: {
    manifest: { params: { jsonSchema: {} }, cacheExpirationInSeconds: 3600 },
    run: () =>
      OBJECT_TYPES.map((slug) => ({ label: OBJECTS[slug].label, value: slug, description: OBJECTS[slug].description })),
  },
  listObjectProperties: {
    manifest: {
      params: { jsonSchema: { type: "object", required: ["objectType"], properties: { objectType: objectTypeParam } } },
      cacheExpirationInSeconds: 300,
    },
    run(_state, params) {
      const { objectType } = parseOrThrow(ListObjectPropertiesParams, params, "params");
      return OBJECTS[objectType].properties.map((property) => ({
        label: property.label,
        value: property.name,
        description: describeType(property),
      }));
    },
  },
  listOwners: {
    manifest: {
      params: { jsonSchema: { type: "object", properties: { objectType: objectTypeParam } } },
      cacheExpirationInSeconds: 60,
    },
    run(state, params, value) {
      // objectType is accepted for forms that pass it, but every owner may own every object type.
      parseOrThrow(ListOwnersParams, params, "params");
      const search = typeof value === "string" ? value.trim().toLowerCase() : "";
      const matches = (text: string) => text.toLowerCase().includes(search);
      return state.store
        .owners()
        .filter((owner) => !search || matches(owner.name) || matches(owner.email))
        .map((owner) => ({ label: owner.name, value: owner.id, description: owner.email, parent: owner.team }));
    },
  },
};

/** `POST /autocompletes/:slug` (or layout A's `/autocomplete` with the slug in the body). */
export function runAutocomplete(state: DemoState, slug: string, body: ContractBody): { results: AutocompleteResult[] } {
  const autocomplete = Object.hasOwn(AUTOCOMPLETES, slug) ? AUTOCOMPLETES[slug] : undefined;
  if (!autocomplete) throw notFound(`Unknown autocomplete "${slug}"`);
  requireCredentials(body.connectorConfig);
  return { results: autocomplete.run(state, body.params, body.value) };
}

function describeType(property: PropertyDefinition): string {
  const parts: string[] = [property.enum ? `enum (${property.enum.join(", ")})` : property.type];
  if (property.required) parts.push("required");
  if (!property.writable) parts.push("read-only");
  return parts.join(" · ");
}
