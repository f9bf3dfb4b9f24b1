import { ARRAY_ITEM, type FieldPath } from "./field-path";
import { type ParamDependency, paramDependencies } from "./param-dependencies";
import { isPlainObject } from "./plain-object";
import { arrayItemSchema, dereference, propertySchema } from "./schema-lookup";

/** The widgets whose options or sub-form come from the integration server and so depend on params. */
export const DATA_BOUND_WIDGETS = ["IntegrationAutocompleteWidget", "DynamicSchemaWidget"] as const;

/** A widget name from {@link DATA_BOUND_WIDGETS}. */
export type DataBoundWidget = (typeof DATA_BOUND_WIDGETS)[number];

/** One data-bound field of a form and the values its params read. */
export interface DependencyEdge {
  /** The field's path; array items appear as ARRAY_ITEM. */
  field: FieldPath;
  widget: DataBoundWidget;
  /** `ui:options.slug`: the autocomplete or dynamic schema to call. */
  slug: string;
  /** Absolute paths the params read (they may hold ARRAY_ITEM). */
  dependsOn: ParamDependency[];
}

/**
 * The dependency graph of a form: every field with a data-bound widget ({@link dataBoundWidgetOf}),
 * with what its `ui:options.params` read. Walks the uiSchema (object properties, and array items nested under
 * `items`), using the JSON Schema to tell an array's `items` from a property named "items". `base`
 * prefixes every path, for a sub-form inside a larger form.
 * @example buildDependencyGraph(action.config.jsonSchema, action.config.uiSchema)
 * // → [{ field: ["matchProperty"], widget: "IntegrationAutocompleteWidget", slug: "listObjectProperties",
 * //      dependsOn: [{ param: "objectType", path: ["objectType"] }] }, …]
 */
export function buildDependencyGraph(
  jsonSchema: Record<string, unknown>,
  uiSchema: Record<string, unknown>,
  base: FieldPath = [],
): DependencyEdge[] {
  const edges: DependencyEdge[] = [];
  walk({ root: jsonSchema, edges }, dereference(jsonSchema, jsonSchema), uiSchema, base);
  return edges;
}

interface Walk {
  root: Record<string, unknown>;
  edges: DependencyEdge[];
}

function walk(state: Walk, schema: Record<string, unknown> | undefined, ui: unknown, path: FieldPath): void {
  if (!isPlainObject(ui)) return;
  const edge = dataBoundEdge(ui, path);
  if (edge) state.edges.push(edge);
  const itemSchema = arrayItemSchema(schema, state.root);
  if (itemSchema) {
    walk(state, itemSchema, ui.items, [...path, ARRAY_ITEM]);
    return;
  }
  for (const [key, child] of Object.entries(ui)) {
    if (key.startsWith("ui:")) continue;
    walk(state, propertySchema(schema, key, state.root), child, [...path, key]);
  }
}

/**
 * The data-bound widget a uiSchema node renders: a `ui:field` of DynamicSchemaWidget (the form
 * renders a dynamic sub-form as a field; `ui:widget` is ignored on objects), else the widget rjsf
 * reads from `ui:widget`, else `ui:options.widget`. The one definition of "data-bound" for the
 * forms' dependency graph and the contract checker alike.
 * @example dataBoundWidgetOf({ "ui:widget": "IntegrationAutocompleteWidget" }) // → "IntegrationAutocompleteWidget"
 */
export function dataBoundWidgetOf(ui: Record<string, unknown>): DataBoundWidget | undefined {
  if (ui["ui:field"] === "DynamicSchemaWidget") return "DynamicSchemaWidget";
  const options = isPlainObject(ui["ui:options"]) ? ui["ui:options"] : {};
  const widget = ui["ui:widget"] ?? options.widget;
  return isDataBoundWidget(widget) ? widget : undefined;
}

function dataBoundEdge(ui: Record<string, unknown>, field: FieldPath): DependencyEdge | undefined {
  const widget = dataBoundWidgetOf(ui);
  if (!widget) return undefined;
  const options = isPlainObject(ui["ui:options"]) ? ui["ui:options"] : {};
  const slug = typeof options.slug === "string" ? options.slug : "";
  const params = isPlainObject(options.params) ? options.params : undefined;
  return { field, widget, slug, dependsOn: paramDependencies(params, field) };
}

function isDataBoundWidget(widget: unknown): widget is DataBoundWidget {
  return DATA_BOUND_WIDGETS.includes(widget as DataBoundWidget);
}
