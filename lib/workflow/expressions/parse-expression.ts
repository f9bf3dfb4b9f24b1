import { getLineInfo, parseExpressionAt, tokenizer, tokTypes, type Expression, type Options } from "acorn";

const OPTIONS: Options = { ecmaVersion: "latest" };

/** A parsed expression source, or why it does not parse (acorn's message with line:column). */
export type ParsedExpression = { ok: true; ast: Expression } | { ok: false; message: string };

// Graphs repeat the same expressions (and the editor re-validates on every edit), so parses are
// memoized; the map is dropped wholesale when it grows large rather than tracking recency.
const MAX_CACHED = 20_000;
const cache = new Map<string, ParsedExpression>();

/**
 * Parses one JavaScript expression (a `{{ }}` segment or a jsExpression) and checks that nothing
 * but whitespace or comments follows it, so `a b` is rejected rather than read as `a`.
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
  try {
    const ast = parseExpressionAt(code, 0, OPTIONS);
    if (!onlyTriviaAfter(code, ast.end)) {
      const { line, column } = getLineInfo(code, ast.end);
      return { ok: false, message: `Unexpected token after the expression (${line}:${column})` };
    }
    return { ok: true, ast };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

function onlyTriviaAfter(code: string, end: number): boolean {
  const rest = code.slice(end);
  if (rest.trim() === "") return true;
  try {
    return tokenizer(rest, OPTIONS).getToken().type === tokTypes.eof;
  } catch {
    return false;
  }
}
