import { isRecord } from "@/lib/contract/is-record";
import { FIELD_COMPONENTS, WIDGET_ALIASES, WIDGET_COMPONENTS } from "@/lib/contract/integration/ui-widgets";
import { finding } from "../codes";
import type { Segment } from "../json-path";
import type { Finding } from "../types";
import type { FormNode } from "./walk-form";

const ANY_ALIAS = new Set(Object.values(WIDGET_ALIASES).flat());

/**
 * The widget and field names of one uiSchema node must be ones Relay renders (an unknown name
 * breaks the whole form), an alias must suit the field's type, and a node must style a field the
 * JSON Schema declares (otherwise it styles nothing, silently).
 */
export function lintWidgets(node: FormNode, pathOf: (uiSegments: Segment[]) => string): Finding[] {
  const findings: Finding[] = [];
  const at = (...rest: Segment[]) => pathOf([...node.uiPath, ...rest]);
  if (!node.declared) {
    const name = String(node.uiPath.at(-1));
    findings.push(
      finding("ui.unknown-property", at(), `The uiSchema styles "${name}", a field the JSON Schema does not declare, so it has no effect.`, `Declare "${name}" under the JSON Schema's \`properties\`, or fix the uiSchema key.`),
    );
  }
  const options = isRecord(node.ui["ui:options"]) ? node.ui["ui:options"] : {};
  const [widget, widgetAt] = node.ui["ui:widget"] !== undefined ? [node.ui["ui:widget"], at("ui:widget")] : [options.widget, at("ui:options", "widget")];
  if (widget !== undefined) findings.push(...widgetProblems(widget, typeOf(node.schema), widgetAt));
  const field = node.ui["ui:field"];
  if (field !== undefined && !(typeof field === "string" && FIELD_COMPONENTS.has(field))) {
    findings.push(
      finding("ui.unknown-widget", at("ui:field"), `The field component ${JSON.stringify(field)} is not one Relay renders, so this form cannot be shown.`, `Use one of: ${[...FIELD_COMPONENTS].join(", ")}; or remove \`ui:field\`.`),
    );
  }
  return findings;
}

function widgetProblems(widget: unknown, type: string | undefined, where: string): Finding[] {
  if (typeof widget === "string" && WIDGET_COMPONENTS.has(widget)) return [];
  if (typeof widget === "string" && ANY_ALIAS.has(widget)) {
    // An object field renders its properties and never asks for a widget.
    if (!type || type === "object") return [];
    const allowed = WIDGET_ALIASES[type];
    if (allowed?.includes(widget)) return [];
    return [
      finding(
        "ui.widget-type-mismatch",
        where,
        `The widget "${widget}" does not exist for a ${type} field, so this form cannot be shown.`,
        allowed?.length ? `For a ${type} field use one of: ${allowed.join(", ")}.` : `Remove \`ui:widget\` from this ${type} field.`,
      ),
    ];
  }
  return [
    finding(
      "ui.unknown-widget",
      where,
      `The widget ${JSON.stringify(widget)} is not one Relay renders, so this form cannot be shown.`,
      "Use IntegrationAutocompleteWidget, DynamicSchemaWidget, ExpressionWidget, OAuthWidget, a standard widget (e.g. TextareaWidget, SelectWidget) or an alias such as \"textarea\"; names are case-sensitive.",
    ),
  ];
}

/** The one JSON Schema type a field has, when it has exactly one (besides null). */
function typeOf(schema: Record<string, unknown> | undefined): string | undefined {
  const type = schema?.type;
  if (typeof type === "string") return type;
  if (Array.isArray(type)) {
    const real = type.filter((t) => t !== "null");
    return real.length === 1 && typeof real[0] === "string" ? real[0] : undefined;
  }
  return undefined;
}
