/** What a field holds once its text contains a `{{ … }}` template (docs/architecture.md, decision 7). */
export interface TemplateExpressionValue {
  kind: "templateExpression";
  expression: string;
  instructTo: "none";
  fromRecipe: false;
}

/** Whether a value is an expression object (`{kind: "templateExpression" | "jsExpression", expression}`). */
export function isExpressionValue(value: unknown): value is { kind: string; expression: string } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const { kind, expression } = value as Record<string, unknown>;
  return (kind === "templateExpression" || kind === "jsExpression") && typeof expression === "string";
}

/** The text an expression widget shows for a stored value, literal or expression. */
export function expressionText(value: unknown): string {
  if (isExpressionValue(value)) return value.expression;
  if (value === undefined || value === null) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/**
 * What an expression widget stores for its text: an expression object when the text holds `{{`,
 * otherwise a literal (a number or boolean when the field's schema asks for one and the text is
 * one), and undefined for empty text so `required` still applies.
 * @example toExpressionValue("Hi {{nodes.start.name}}") // { kind: "templateExpression", expression: "Hi {{nodes.start.name}}", … }
 */
export function toExpressionValue(text: string, schemaType?: unknown): TemplateExpressionValue | string | number | boolean | undefined {
  if (text.includes("{{")) return { kind: "templateExpression", expression: text, instructTo: "none", fromRecipe: false };
  if (text === "") return undefined;
  const types = Array.isArray(schemaType) ? schemaType : [schemaType];
  if ((types.includes("number") || types.includes("integer")) && text.trim() !== "" && Number.isFinite(Number(text))) {
    return Number(text);
  }
  if (types.includes("boolean") && (text === "true" || text === "false")) return text === "true";
  return text;
}
