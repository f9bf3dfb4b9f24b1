import { parseExpressionAt, tokenizer, tokTypes } from "acorn";

/**
 * Why `code` is not exactly one JavaScript expression ("Unexpected token (1:13)"), or null when it is.
 * Checked before the sandbox sees the code, so `1); doMore(` cannot smuggle statements past the
 * parentheses the sandbox wraps around it.
 */
export function expressionSyntaxError(code: string): string | null {
  if (code.trim() === "") return "it is empty";
  try {
    const expression = parseExpressionAt(code, 0, { ecmaVersion: "latest", preserveParens: true });
    const rest = tokenizer(code.slice(expression.end), { ecmaVersion: "latest" }).getToken();
    return rest.type === tokTypes.eof ? null : `Unexpected ${JSON.stringify(code.slice(expression.end + rest.start, expression.end + rest.end))} after the expression`;
  } catch (error) {
    return error instanceof SyntaxError ? error.message : String(error);
  }
}
