import { z } from "zod";

/**
 * A config value to compute at run time. `templateExpression` is text with `{{ … }}` segments;
 * `jsExpression` is one JavaScript expression without braces. Any other value is a literal.
 */
export const ExpressionObject = z.looseObject({
  kind: z.enum(["templateExpression", "jsExpression"]).describe("Template text with {{ }} segments, or one bare JavaScript expression"),
  expression: z.string().describe("The expression's source text"),
  instructTo: z.enum(["none", "ai"]).optional().describe("\"ai\" would let a model fill the value; only \"none\" is evaluated here"),
  fromRecipe: z.boolean().optional().describe("Cargo's flag for recipe-made expressions; kept as given"),
});
export type ExpressionObject = z.infer<typeof ExpressionObject>;

/** Whether a config value is an expression object rather than a literal. */
export function isExpressionObject(value: unknown): value is ExpressionObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const { kind, expression } = value as Record<string, unknown>;
  return (kind === "templateExpression" || kind === "jsExpression") && typeof expression === "string";
}
