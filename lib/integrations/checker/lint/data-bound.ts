import { isRecord } from "@/lib/contract/is-record";
import type { FieldPath } from "@/lib/params";
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

/** The data-bound widget of a uiSchema node, if it has one (`ui:widget`, `ui:options.widget` or `ui:field`). */
export function dataBoundOf(node: FormNode): DataBoundField | undefined {
  const options = isRecord(node.ui["ui:options"]) ? node.ui["ui:options"] : {};
  const names = [node.ui["ui:widget"], options.widget, node.ui["ui:field"]];
  const kind: DataBoundKind | undefined = names.includes("IntegrationAutocompleteWidget")
    ? "autocomplete"
    : names.includes("DynamicSchemaWidget")
      ? "dynamicSchema"
      : undefined;
  if (!kind) return undefined;
  return {
    kind,
    slug: typeof options.slug === "string" ? options.slug : undefined,
    params: isRecord(options.params) ? options.params : {},
    fieldPath: node.fieldPath,
  };
}

/** Every path-language value of a params object, nested objects' keys dotted (as lib/params reads them). */
export function paramValues(params: Record<string, unknown>, prefix = ""): Array<{ key: string; value: unknown }> {
  return Object.entries(params).flatMap(([key, value]) =>
    isRecord(value) ? paramValues(value, `${prefix}${key}.`) : [{ key: `${prefix}${key}`, value }],
  );
}
