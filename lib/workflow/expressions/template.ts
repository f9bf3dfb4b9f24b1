import type { ExpressionObject } from "@/lib/contract";

export type TemplatePart = { kind: "text"; text: string } | { kind: "code"; code: string; start: number; end: number };

/**
 * Splits template text into literal text and `{{ … }}` code segments. `start`/`end` are the
 * offsets of the code inside `text`. An unclosed `{{` stays literal text, as in Cargo.
 *
 * @example parseTemplate("Hi {{nodes.start.name}}!") // text "Hi ", code "nodes.start.name", text "!"
 */
export function parseTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let cursor = 0;
  while (cursor < text.length) {
    const open = text.indexOf("{{", cursor);
    const close = open === -1 ? -1 : text.indexOf("}}", open + 2);
    if (open === -1 || close === -1) {
      parts.push({ kind: "text", text: text.slice(cursor) });
      break;
    }
    if (open > cursor) parts.push({ kind: "text", text: text.slice(cursor, open) });
    parts.push({ kind: "code", code: text.slice(open + 2, close), start: open + 2, end: close });
    cursor = close + 2;
  }
  return parts;
}

/** Whether a template is exactly one `{{ … }}` (surrounding whitespace aside): its value keeps its type. */
export function isSingleSegment(parts: TemplatePart[]): boolean {
  const meaningful = parts.filter((part) => part.kind === "code" || part.text.trim() !== "");
  return meaningful.length === 1 && meaningful[0]!.kind === "code";
}

/** The JavaScript sources an expression object evaluates: each `{{ }}` segment, or the whole jsExpression. */
export function expressionSources(expression: ExpressionObject): string[] {
  if (expression.kind === "jsExpression") return [expression.expression];
  return parseTemplate(expression.expression).flatMap((part) => (part.kind === "code" ? [part.code] : []));
}
