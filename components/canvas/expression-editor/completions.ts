import type { ExpressionScope } from "./expression-scope";
import type { KnownOutput } from "./known-output";

/** One suggestion: what the list shows, and the text it puts in place of the partial word. */
export interface CompletionItem {
  label: string;
  detail?: string;
  insert: string;
}

/**
 * Suggestions for the word at the caret, and how to put one in: the text from `from` to `to` is
 * replaced; `wrap` puts the result in a new `{{ }}` (typed outside one), `close` adds the `}}` an
 * open segment lacks.
 */
export interface Completion {
  from: number;
  to: number;
  items: CompletionItem[];
  wrap: boolean;
  close: boolean;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
// `nodes` then `.key` steps, the last one possibly partial, at the end of the text before the caret.
const CHAIN = /(?<![\w$.])nodes((?:\.[A-Za-z_$][\w$]*)*)\.([A-Za-z_$][\w$]*)?$/;
const ROOT = /^\s*([A-Za-z_$][\w$]*)?$/;

/**
 * What to suggest at `caret`: after `nodes.` the slugs of upstream nodes, after `nodes.<slug>.` the
 * fields that node is known to output (nested objects too); right after `{{`, `nodes` itself.
 * Null when there is nothing to suggest.
 * @example completeAt("{{nodes.", 8, scope) // { items: [{ label: "start", … }], from: 8, to: 8, close: true, wrap: false }
 */
export function completeAt(text: string, caret: number, scope: ExpressionScope, language: "template" | "javascript" = "template"): Completion | null {
  const segment = language === "javascript" ? { start: 0, open: false } : segmentAt(text, caret);
  const codeBefore = text.slice(segment?.start ?? 0, caret);
  const to = caret + (/^[\w$]*/.exec(text.slice(caret))?.[0].length ?? 0);
  const close = segment?.open ?? false;

  const chain = CHAIN.exec(codeBefore);
  if (chain) {
    const path = chain[1]!.split(".").filter(Boolean);
    const partial = chain[2] ?? "";
    const items = path.length === 0 ? slugItems(scope) : fieldItems(scope, path);
    if (!items) return null;
    const matching = filterItems(items, partial);
    if (matching.length === 0) return null;
    const dot = caret - partial.length - 1;
    // A key that is not an identifier is read as ["key"], replacing the dot before it.
    const withKeys = matching.map((item) => (IDENTIFIER.test(item.insert) ? item : { ...item, insert: `["${item.insert.replace(/["\\]/g, "\\$&")}"]` }));
    const bracketed = withKeys.some((item) => item.insert.startsWith("["));
    return {
      from: bracketed ? dot : caret - partial.length,
      to,
      items: withKeys.map((item) => (bracketed && !item.insert.startsWith("[") ? { ...item, insert: `.${item.insert}` } : item)),
      wrap: segment === null,
      close,
    };
  }
  const root = segment ? ROOT.exec(codeBefore) : null;
  if (root && scope.upstream.size > 0 && "nodes".startsWith(root[1] ?? "") && (root[1] ?? "") !== "nodes") {
    return { from: caret - (root[1] ?? "").length, to, items: [{ label: "nodes", detail: "Outputs of earlier nodes", insert: "nodes." }], wrap: false, close };
  }
  return null;
}

/** The text and caret after accepting `item` of `completion`. */
export function applyCompletion(text: string, completion: Completion, item: CompletionItem): { text: string; caret: number } {
  let before = text.slice(0, completion.from);
  let inserted = item.insert;
  let after = text.slice(completion.to);
  if (completion.wrap) {
    const start = before.lastIndexOf("nodes");
    inserted = `{{${before.slice(start)}${inserted}`;
    before = before.slice(0, start);
    after = `}}${after}`;
  } else if (completion.close && !after.startsWith("}}")) {
    after = `}}${after}`;
  }
  return { text: before + inserted + after, caret: before.length + inserted.length };
}

/** The `{{ }}` segment the caret is in: where its code starts, and whether it lacks its `}}`. Null outside one. */
export function segmentAt(text: string, caret: number): { start: number; open: boolean } | null {
  const before = text.slice(0, caret);
  const open = before.lastIndexOf("{{");
  if (open === -1 || before.indexOf("}}", open + 2) !== -1) return null;
  const close = text.indexOf("}}", caret);
  const nextOpen = text.indexOf("{{", caret);
  return { start: open + 2, open: close === -1 || (nextOpen !== -1 && nextOpen < close) };
}

function slugItems(scope: ExpressionScope): CompletionItem[] {
  return [...scope.upstream.values()].map((node) => ({ label: node.slug, detail: node.title, insert: node.slug }));
}

function fieldItems(scope: ExpressionScope, path: string[]): CompletionItem[] | null {
  let output: KnownOutput | undefined = scope.upstream.get(path[0]!)?.output;
  for (const key of path.slice(1)) output = output?.fields[key]?.inner;
  if (!output) return null;
  return Object.entries(output.fields).map(([key, field]) => ({ label: key, detail: field.hint, insert: key }));
}

/** Items starting with the partial word first, then those containing it; case-insensitive. */
function filterItems(items: CompletionItem[], partial: string): CompletionItem[] {
  const needle = partial.toLowerCase();
  if (!needle) return items;
  const starting = items.filter((item) => item.label.toLowerCase().startsWith(needle));
  const containing = items.filter((item) => !item.label.toLowerCase().startsWith(needle) && item.label.toLowerCase().includes(needle));
  const matching = [...starting, ...containing];
  // Nothing left to complete once the word is typed out.
  return matching.length === 1 && matching[0]!.label === partial ? [] : matching;
}
