import { clipEnd } from "@/lib/contract/clip-text";
import { getLineInfo, parseExpressionAt, tokenizer, tokTypes, type Expression, type Options } from "acorn";

// preserveParens: without it acorn ends `(a + b)` at `b`, so the check for trailing text would
// take the closing parenthesis for something after the expression.
const OPTIONS: Options = { ecmaVersion: "latest", preserveParens: true };
/** Longest piece of trailing text quoted in a message. */
const MAX_QUOTED = 20;

/**
 * A parsed expression source, or why it does not parse (acorn's message with line:column). The
 * AST keeps parentheses as `ParenthesizedExpression` nodes.
 */
export type ParsedExpression = { ok: true; ast: Expression } | { ok: false; message: string };

// Graphs repeat the same expressions (the editor re-validates on every edit, the engine computes
// the same configs run after run), so parses are memoized; the map is dropped wholesale when it
// grows large rather than tracking recency.
const MAX_CACHED = 20_000;
const cache = new Map<string, ParsedExpression>();

/**
 * Parses one JavaScript expression (a `{{ }}` segment or a jsExpression) and checks that nothing
 * but whitespace or comments follows it, so `a b` is rejected rather than read as `a`, and code
 * such as `1); doMore(` cannot smuggle statements past the parentheses the sandbox wraps around
 * it. The one parser of the editor, the validation and the engine.
 * @example parseExpression("nodes.start.email.split('@')[1]") // { ok: true, ast }
 */
export function parseExpression(code: string): ParsedExpression {
  const cached = cache.get(code);
  if (cached) return cached;
  const parsed = parseUncached(code);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(code, parsed);
  return parsed;
}

function parseUncached(code: string): ParsedExpression {
  if (code.trim() === "") return { ok: false, message: "it is empty" };
  try {
    const ast = parseExpressionAt(code, 0, OPTIONS);
    const trailing = trailingText(code, ast.end);
    return trailing === null ? { ok: true, ast } : { ok: false, message: trailing };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/**
 * What follows the expression other than whitespace and comments, as a message, or null. Acorn
 * has already read that first token (as lookahead), so it is a valid one.
 */
function trailingText(code: string, end: number): string | null {
  const token = tokenizer(code.slice(end), OPTIONS).getToken();
  if (token.type === tokTypes.eof) return null;
  const text = code.slice(end + token.start, end + token.end);
  const quoted = JSON.stringify(clipEnd(text, MAX_QUOTED));
  const { line, column } = getLineInfo(code, end + token.start);
  return `Unexpected ${quoted} after the expression (${line}:${column})`;
}
