import { isRecord } from "@/lib/contract/is-record";
import { parseExpression } from "@/lib/workflow/expressions/parse-expression";
import { isReferenceRoot, walkReferences } from "@/lib/workflow/expressions/reference-walk";

/** The entries of a record-valued global (`nodes`) that expressions read: by name, or all of them. */
export type EntryNeeds = ReadonlySet<string> | "all";

/**
 * Which entries of each named global the code reads, found statically, so that a config reading
 * `nodes.start.email` does not copy every other node's output into the sandbox (parsing a 1 MB
 * output there takes tens of milliseconds). `nodes.x`, `nodes["x"]` and `nodes?.x` name an entry;
 * any other use (`nodes[key]`, `Object.keys(nodes)`, `nodes.hasOwnProperty(…)`, a local variable
 * of that name), or a way to reach globals indirectly, needs them all. Only `nodes` and
 * `parentNodes` are narrowed; other globals are always needed whole. Code that does not parse
 * needs nothing: it fails before it runs.
 *
 * @example neededEntries(["nodes.start.email", "nodes['crm'].id"], ["nodes"]) // nodes → {"start", "crm"}
 */
export function neededEntries(codes: string[], globalNames: string[]): Map<string, EntryNeeds> {
  const needs = new Map<string, Set<string> | "all">(globalNames.map((name) => [name, isReferenceRoot(name) ? new Set<string>() : "all"]));
  for (const code of codes) {
    const parsed = parseExpression(code);
    if (!parsed.ok) continue;
    const { uses, reachesGlobalsIndirectly } = walkReferences(parsed.ast);
    if (reachesGlobalsIndirectly) return new Map(globalNames.map((name) => [name, "all"]));
    for (const use of uses) {
      const current = needs.get(use.root);
      if (current === undefined || current === "all") continue;
      // A shadowing local is still counted: reading more than needed is harmless, less is not.
      if (use.keys.length === 0 || use.firstKeyCalled) needs.set(use.root, "all");
      else current.add(use.keys[0]!.name);
    }
  }
  return needs;
}

/** The scope with only the entries of its records (`nodes`) that the codes name: what the sandbox gets. */
export function narrowScope(scope: Record<string, unknown>, codes: string[]): Record<string, unknown> {
  const recordNames = Object.keys(scope).filter((name) => isRecord(scope[name]));
  const needs = neededEntries(codes, recordNames);
  return Object.fromEntries(
    Object.entries(scope).map(([name, entries]) => {
      const needed = needs.get(name);
      if (!needed || needed === "all" || !isRecord(entries)) return [name, entries];
      return [name, Object.fromEntries(Object.entries(entries).filter(([key]) => needed.has(key)))];
    }),
  );
}
