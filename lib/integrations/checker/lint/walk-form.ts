import { isRecord } from "@/lib/contract/is-record";
import { ARRAY_ITEM, type FieldPath } from "@/lib/params";
import { arrayItemSchema, dereference, propertySchema, subschemas } from "@/lib/params/schema-lookup";
import type { Segment } from "../json-path";
import { withExpressionDefinition } from "./lint-refs";

type Json = Record<string, unknown>;

// As lib/params' lookup: deep enough for any hand-written form; stops `$ref` cycles.
const MAX_BRANCH_DEPTH = 32;

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
 * Schema it stands for, found through `properties`, `allOf`/`anyOf`/`oneOf`, `then`/`else`,
 * `dependencies` and local `$ref`s, as the form's own dependency graph does (lib/params).
 * `#/definitions/expression` resolves as Relay supplies it.
 */
export function walkForm(jsonSchema: Json, uiSchema: Json, visit: (node: FormNode) => void): void {
  const root = withExpressionDefinition(jsonSchema);
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
      const declared = childSchema !== undefined || declaresProperty(schema, key, root) || !listsProperties(schema, root);
      walk(child, childSchema, [...fieldPath, key], [...uiPath, key], declared);
    }
  };
  walk(uiSchema, dereference(root, root), [], [], true);
}

/**
 * Whether `key` is among the properties of the schema or of a branch of it (combinators,
 * `then`/`else`, `dependencies`), even when its own schema cannot be read (an unresolved `$ref`,
 * reported by lint-refs): a field declared in a branch is declared.
 */
function declaresProperty(schema: Json | undefined, key: string, root: Json, depth = 0): boolean {
  if (!schema || depth > MAX_BRANCH_DEPTH) return false;
  if (isRecord(schema.properties) && Object.hasOwn(schema.properties, key)) return true;
  return subschemas(schema).some((branch) => declaresProperty(dereference(branch, root), key, root, depth + 1));
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
  const hasProperties = (node: unknown, depth: number): boolean => {
    const resolved = dereference(node, root);
    if (!resolved || depth > MAX_BRANCH_DEPTH) return false;
    return isRecord(resolved.properties) || subschemas(resolved).some((branch) => hasProperties(branch, depth + 1));
  };
  return hasProperties(schema, 0);
}

/**
 * The schema of a field path inside a form, walking `properties` (and their branches) and array
 * `items`; undefined when a step is missing. `open` is true when the step that failed was into an
 * open object, where the value may still exist.
 */
export function schemaAtPath(jsonSchema: Json, path: FieldPath): { schema: Json | undefined; missingAt: number; open: boolean } {
  const root = withExpressionDefinition(jsonSchema);
  let current: Json | undefined = dereference(root, root);
  for (let index = 0; index < path.length; index++) {
    const segment = path[index]!;
    // A declared property whose schema cannot be read (an unresolved `$ref`) exists, shape unknown.
    const next: Json | undefined =
      typeof segment === "number" || segment === ARRAY_ITEM
        ? arrayItemSchema(current, root)
        : (propertySchema(current, segment, root) ?? (declaresProperty(current, segment, root) ? {} : undefined));
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
