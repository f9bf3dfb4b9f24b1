import type { ExpressionObject } from "@/lib/contract";
import { findNodeReferences, type ReferenceRoot } from "./node-references";
import { parseExpression } from "./parse-expression";
import { parseTemplate } from "./template";

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * The expression with every `<root>.<oldSlug>` read rewritten to `<root>.<newSlug>` (acorn finds
 * the exact member expressions, so `nodes.starter` survives renaming `start`). Segments that do
 * not parse are left as they are; the same object comes back when nothing changed.
 * @example renameReferences(expr("{{nodes.a.x}} {{nodes.ab}}"), "nodes", "a", "b") // "{{nodes.b.x}} {{nodes.ab}}"
 */
export function renameReferences(expression: ExpressionObject, root: ReferenceRoot, oldSlug: string, newSlug: string): ExpressionObject {
  const text = expression.expression;
  if (!text.includes(oldSlug)) return expression;
  const segments =
    expression.kind === "jsExpression"
      ? [{ code: text, start: 0 }]
      : parseTemplate(text).flatMap((part) => (part.kind === "code" ? [{ code: part.code, start: part.start }] : []));
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const segment of segments) {
    const parsed = parseExpression(segment.code);
    if (!parsed.ok) continue;
    for (const reference of findNodeReferences(parsed.ast)) {
      const key = reference.keys[0]!;
      if (reference.root !== root || key.name !== oldSlug) continue;
      edits.push(shift(replacementFor(segment.code, key, newSlug), segment.start));
    }
  }
  if (edits.length === 0) return expression;
  let rewritten = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) rewritten = rewritten.slice(0, edit.start) + edit.text + rewritten.slice(edit.end);
  return { ...expression, expression: rewritten };
}

function replacementFor(code: string, key: { computed: boolean; start: number; end: number; objectEnd: number }, slug: string) {
  if (key.computed) return { start: key.start, end: key.end, text: JSON.stringify(slug) };
  if (IDENTIFIER.test(slug)) return { start: key.start, end: key.end, text: slug };
  // A slug such as "1st" is not an identifier: `.1st` becomes `["1st"]` (`?.1st` becomes `?.["1st"]`).
  const optional = code.slice(key.objectEnd, key.start).includes("?.");
  return { start: key.objectEnd, end: key.end, text: `${optional ? "?." : ""}[${JSON.stringify(slug)}]` };
}

function shift(edit: { start: number; end: number; text: string }, offset: number) {
  return { start: edit.start + offset, end: edit.end + offset, text: edit.text };
}
