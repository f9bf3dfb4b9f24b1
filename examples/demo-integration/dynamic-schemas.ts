import { z } from "zod";
import { requireCredentials } from "./auth";
import { notFound } from "./errors";
import type { FormSchema, JsonSchema, ManifestParamsEntry } from "./manifest-types";
import { OBJECT_TYPES, OBJECTS, type ObjectType, type PropertyDefinition } from "./objects";
import { parseOrThrow } from "./parse";
import type { ContractBody } from "./request-body";

interface DemoDynamicSchema {
  manifest: ManifestParamsEntry;
  build(params: Record<string, unknown>): FormSchema;
}

const RecordFieldsParams = z.object({ objectType: z.enum(OBJECT_TYPES) });

/** Every dynamic schema, by slug. */
export const DYNAMIC_SCHEMAS: Record<string, DemoDynamicSchema> = {
  recordFields: {
    manifest: {
      params: {
        jsonSchema: {
          type: "object",
          required: ["objectType"],
          properties: { objectType: { type: "string", enum: [...OBJECT_TYPES] } },
        },
      },
    },
    build: (params) => recordFieldsSchema(parseOrThrow(RecordFieldsParams, params, "params").objectType),
  },
};

/** `POST /dynamicSchemas/:slug` (or layout A's `/getDynamicSchema` with the slug in the body). */
export function buildDynamicSchema(slug: string, body: ContractBody): FormSchema {
  const schema = Object.hasOwn(DYNAMIC_SCHEMAS, slug) ? DYNAMIC_SCHEMAS[slug] : undefined;
  if (!schema) throw notFound(`Unknown dynamic schema "${slug}"`);
  requireCredentials(body.connectorConfig);
  return schema.build(body.params);
}

/** The writable fields of an object as a sub-form for createRecord's `fields`. */
export function recordFieldsSchema(objectType: ObjectType): FormSchema {
  const writable = OBJECTS[objectType].properties.filter((property) => property.writable);
  return {
    jsonSchema: {
      type: "object",
      title: `${capitalize(OBJECTS[objectType].singular)} fields`,
      required: writable.filter((property) => property.required).map((property) => property.name),
      properties: Object.fromEntries(writable.map((property) => [property.name, fieldSchema(property)])),
    },
    uiSchema: {
      "ui:order": writable.map((property) => property.name),
      // $root is the whole action config, so the owner picker still sees objectType from inside this sub-form.
      ownerId: {
        "ui:widget": "IntegrationAutocompleteWidget",
        "ui:options": { slug: "listOwners", params: { objectType: "$root.objectType" } },
      },
    },
  };
}

function fieldSchema(property: PropertyDefinition): JsonSchema {
  const schema: JsonSchema = { title: property.label };
  if (property.type === "number" || property.type === "integer") schema.type = property.type;
  else schema.type = "string";
  if (property.type === "date") schema.format = "date";
  if (property.format) schema.format = property.format;
  if (property.enum) schema.enum = [...property.enum];
  if (property.default !== undefined) schema.default = property.default;
  if (property.references && property.references !== "owners") {
    const example = `${OBJECTS[property.references].idPrefix}_001`;
    schema.description = `The id of one of the ${property.references}, e.g. ${example}`;
  }
  return schema;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
