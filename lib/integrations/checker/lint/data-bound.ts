import { isRecord } from "@/lib/contract/is-record";
import { dataBoundWidgetOf, type FieldPath } from "@/lib/params";
import type { FormNode } from "./walk-form";

export type DataBoundKind = "autocomplete" | "dynamicSchema";

/** A field whose options or sub-form come from the server. */
export interface DataBoundField {
  kind: DataBoundKind;
  /** `ui:options.slug`, when it is a string. */
  slug: string | undefined;
  /** `ui:options.params`, when it is an object. */
  params: Record<string, unknown>;
  fieldPath: FieldPath;
}

/**
 * The data-bound widget of a uiSchema node, if it has one: the runtime's definition
 * (lib/params `dataBoundWidgetOf`), so the checker judges exactly the fields the form loads.
 */
export function dataBoundOf(node: FormNode): DataBoundField | undefined {
  const widget = dataBoundWidgetOf(node.ui);
  if (!widget) return undefined;
  const options = isRecord(node.ui["ui:options"]) ? node.ui["ui:options"] : {};
  return {
    kind: widget === "IntegrationAutocompleteWidget" ? "autocomplete" : "dynamicSchema",
    slug: typeof options.slug === "string" ? options.slug : undefined,
    params: isRecord(options.params) ? options.params : {},
    fieldPath: node.fieldPath,
  };
}

/**
 * Every path-language value of a params object: its key path (nested objects' keys, as
 * lib/params reads them) and, for messages, those keys dotted.
 */
export function paramValues(params: Record<string, unknown>, prefix: string[] = []): Array<{ keys: string[]; key: string; value: unknown }> {
  return Object.entries(params).flatMap(([key, value]) => {
    const keys = [...prefix, key];
    return isRecord(value) ? paramValues(value, keys) : [{ keys, key: keys.join("."), value }];
  });
}
