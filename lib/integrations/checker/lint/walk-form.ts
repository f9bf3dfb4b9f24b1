import { isRecord } from "@/lib/contract/is-record";
import { ARRAY_ITEM, type FieldPath } from "@/lib/params";
import { arrayItemSchema, dereference, propertySchema } from "@/lib/params/schema-lookup";
import type { Segment } from "../json-path";

type Json = Record<string, unknown>;

/** One node of a uiSchema, with the JSON Schema it describes. */
export interface FormNode {
  ui: Json;
  /** The schema at this place; undefined when the JSON Schema does not say. */
  schema: Json | undefined;
  /** From the form root; array items are ARRAY_ITEM. */
  fieldPath: FieldPath;
  /** From the uiSchema root (array items under `items`). */
  uiPath: Segment[];
  /** False when the parent's schema lists its properties and this key is not one of them. */
  declared: boolean;
}

/**
 * Visits every node of a uiSchema (object properties, then `items` of arrays) with the JSON
 * Schema it stands for, found through `properties`, `allOf`/`anyOf`/`oneOf`, `then`/`else` and local
 * `$ref`s, as the form's own dependency graph does (lib/params).
 */
export function walkForm(jsonSchema: Json, uiSchema: Json, visit: (node: FormNode) => void, root: Json = jsonSchema): void {
  const walk = (ui: unknown, schema: Json | undefined, fieldPath: FieldPath, uiPath: Segment[], declared: boolean) => {
    if (!isRecord(ui)) return;
    visit({ ui, schema, fieldPath, uiPath, declared });
    const itemSchema = arrayItemSchema(schema, root);
    if (itemSchema || (!schema && isRecord(ui.items))) {
      walk(ui.items, itemSchema, [...fieldPath, ARRAY_ITEM], [...uiPath, "items"], true);
      return;
    }
    for (const [key, child] of Object.entries(ui)) {
      if (key.startsWith("ui:")) continue;
      const childSchema = propertySchema(schema, key, root);
      // A property whose own schema cannot be read (an unresolved `$ref`) is still declared.
      const declared = childSchema !== undefined || (isRecord(schema?.properties) && Object.hasOwn(schema.properties, key)) || !listsProperties(schema, root);
      walk(child, childSchema, [...fieldPath, key], [...uiPath, key], declared);
    }
  };
  walk(uiSchema, dereference(jsonSchema, root), [], [], true);
}

/**
 * True when an object schema names every property it can hold, so a uiSchema key outside them
 * styles nothing. Open schemas (`additionalProperties`, `patternProperties`, no `properties`) may
 * hold anything.
 */
function listsProperties(schema: Json | undefined, root: Json): boolean {
  if (!schema) return false;
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) return false;
  if (schema.patternProperties !== undefined) return false;
  const hasProperties = (node: unknown): boolean => {
    const resolved = dereference(node, root);
    if (!resolved) return false;
    return isRecord(resolved.properties) || ["allOf", "anyOf", "oneOf"].some((key) => Array.isArray(resolved[key]) && (resolved[key] as unknown[]).some(hasProperties));
  };
  return hasProperties(schema);
}

/**
 * The schema of a field path inside a form, walking `properties` and array `items`; undefined
 * when a step is missing. `open` is true when the step that failed was into an open object, where
 * the value may still exist.
 */
export function schemaAtPath(jsonSchema: Json, path: FieldPath, root: Json = jsonSchema): { schema: Json | undefined; missingAt: number; open: boolean } {
  let current: Json | undefined = dereference(jsonSchema, root);
  for (let index = 0; index < path.length; index++) {
    const segment = path[index]!;
    const next: Json | undefined =
      typeof segment === "number" || segment === ARRAY_ITEM ? arrayItemSchema(current, root) : propertySchema(current, segment, root);
    if (!next) {
      const intoItem = typeof segment === "number" || segment === ARRAY_ITEM;
      // A property of an array, or an item of a non-array, cannot exist; an open object may hold anything.
      const open = !intoItem && !arrayItemSchema(current, root) && !listsProperties(current, root) && mayBeObject(current);
      return { schema: undefined, missingAt: index, open };
    }
    current = next;
  }
  return { schema: current, missingAt: -1, open: false };
}

/** False for a schema whose `type` rules out an object (a string has no properties). */
function mayBeObject(schema: Json | undefined): boolean {
  const type = schema?.type;
  if (type === undefined) return true;
  return type === "object" || (Array.isArray(type) && type.includes("object"));
}
