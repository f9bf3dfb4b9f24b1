import { isRecord } from "@/lib/contract/is-record";
import type { RJSFSchema, UiSchema } from "@rjsf/utils";

/** Where manifests point for "a value or an expression"; they never define it themselves. */
export const EXPRESSION_REF = "#/definitions/expression";

// No anyOf on purpose: RJSF renders anyOf as an option picker, while this has to stay one input
// (the ExpressionWidget). `properties`/`required` only constrain values that are objects.
const EXPRESSION_DEFINITION = {
  type: ["string", "number", "boolean", "null", "object"],
  properties: {
    kind: { enum: ["templateExpression", "jsExpression"] },
    expression: { type: "string" },
  },
  required: ["kind", "expression"],
};

/**
 * A copy of a manifest's JSON Schema that RJSF and ajv can use: `definitions.expression` is
 * injected unless the schema defines its own. Call it once per schema (memoize on the input):
 * ajv caches compiled validators by schema object identity, so a fresh copy per render would
 * recompile on every keystroke.
 */
export function decorateSchema(schema: Record<string, unknown>): RJSFSchema {
  const definitions = isRecord(schema.definitions) ? schema.definitions : {};
  if ("expression" in definitions) return schema as RJSFSchema;
  return { ...schema, definitions: { ...definitions, expression: EXPRESSION_DEFINITION } } as RJSFSchema;
}

/**
 * A copy of a manifest's uiSchema with what SchemaForm's registry needs: `DynamicSchemaWidget`
 * also named as `ui:field` (RJSF ignores `ui:widget` on object fields, and a dynamic field is an
 * object), and expression fields (`$ref` to the expression definition) shown with ExpressionWidget.
 */
export function decorateUiSchema(uiSchema: Record<string, unknown> | undefined): UiSchema {
  const decorated = mapDynamicWidgets(uiSchema ?? {}) as Record<string, unknown>;
  const definitions = isRecord(decorated["ui:definitions"]) ? decorated["ui:definitions"] : {};
  return {
    ...decorated,
    "ui:definitions": { [EXPRESSION_REF]: { "ui:widget": "ExpressionWidget" }, ...definitions },
  } as UiSchema;
}

function mapDynamicWidgets(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(mapDynamicWidgets);
  if (!isRecord(node)) return node;
  const mapped = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, key === "ui:options" ? value : mapDynamicWidgets(value)]),
  );
  if (mapped["ui:widget"] === "DynamicSchemaWidget" && mapped["ui:field"] === undefined) {
    mapped["ui:field"] = "DynamicSchemaWidget";
  }
  return mapped;
}
