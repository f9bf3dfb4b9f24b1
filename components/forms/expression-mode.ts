import { isExpressionValue, toExpressionValue } from "./expression-value";

/**
 * The text a field shows once switched to expression mode: an expression's source, a scalar
 * literal as text (so "Acme" can grow into "Acme {{…}}"), and nothing for an object or a list,
 * whose JSON would turn into a string at the first keystroke.
 */
export function expressionModeText(value: unknown): string {
  if (isExpressionValue(value)) return value.expression;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

/** Whether switching a field back to a fixed value would throw away an expression someone wrote. */
export function discardsExpression(value: unknown): boolean {
  return isExpressionValue(value) && value.expression.trim() !== "";
}

/**
 * The value a field gets back when it leaves expression mode: a literal it still holds is kept,
 * an expression gives way to the literal it had before (or to nothing).
 */
export function literalAfterExpressionMode(value: unknown, before: unknown): unknown {
  return isExpressionValue(value) ? (isExpressionValue(before) ? undefined : before) : value;
}

/**
 * What a field stores for text typed in its expression editor: a jsExpression stays one (its text
 * is all code), anything else follows `toExpressionValue` (a template once the text holds `{{`).
 */
export function expressionEditValue(current: unknown, text: string, schemaType?: unknown): unknown {
  if (isExpressionValue(current) && current.kind === "jsExpression") return { ...current, expression: text };
  return toExpressionValue(text, schemaType);
}

/** How an editor reads a value's text: as a `{{ }}` template, or, for a jsExpression, as code throughout. */
export function expressionLanguage(value: unknown): "template" | "javascript" {
  return isExpressionValue(value) && value.kind === "jsExpression" ? "javascript" : "template";
}
