import { parseExpressionAt, type Node } from "acorn";

/** The entries of a record-valued global (`nodes`) that expressions read: by name, or all of them. */
export type EntryNeeds = ReadonlySet<string> | "all";

/**
 * Uses after which code could reach a global without naming it (`this`, `globalThis`, `eval`,
 * `Function`, `.constructor`); any of them means every entry is needed.
 */
const DYNAMIC_GLOBAL_ACCESS = new Set(["globalThis", "eval", "Function", "constructor"]);

interface AcornNode extends Node {
  [key: string]: unknown;
}

/**
 * Which entries of each named global the code reads, found statically, so that a config reading
 * `nodes.start.email` does not copy every other node's output into the sandbox (parsing a 1 MB
 * output there takes tens of milliseconds). `nodes.x`, `nodes["x"]` and `nodes?.x` name an entry;
 * any other use (`nodes[key]`, `Object.keys(nodes)`), or a way to reach globals indirectly, needs
 * them all. Code that does not parse needs nothing: it fails before it runs.
 *
 * @example neededEntries(["nodes.start.email", "nodes['crm'].id"], ["nodes"]) // nodes → {"start", "crm"}
 */
export function neededEntries(codes: string[], globalNames: string[]): Map<string, EntryNeeds> {
  const needs = new Map<string, Set<string> | "all">(globalNames.map((name) => [name, new Set<string>()]));
  const needAll = () => globalNames.forEach((name) => needs.set(name, "all"));
  for (const code of codes) {
    const root = parseQuietly(code);
    if (!root) continue;
    visit(root, null, (node, parent) => {
      if (node.type === "ThisExpression" || hasDynamicAccessName(node)) return needAll();
      if (node.type !== "Identifier" || !needs.has(node.name as string) || isPropertyName(node, parent)) return;
      const name = node.name as string;
      const entry = parent ? staticEntryName(node, parent) : null;
      const current = needs.get(name)!;
      if (entry === null) needs.set(name, "all");
      else if (current !== "all") current.add(entry);
    });
  }
  return needs;
}

function parseQuietly(code: string): AcornNode | null {
  try {
    return parseExpressionAt(code, 0, { ecmaVersion: "latest" }) as unknown as AcornNode;
  } catch {
    return null;
  }
}

function visit(node: AcornNode, parent: AcornNode | null, visitor: (node: AcornNode, parent: AcornNode | null) => void): void {
  visitor(node, parent);
  for (const value of Object.values(node)) {
    for (const child of Array.isArray(value) ? value : [value]) {
      if (isNode(child)) visit(child, node, visitor);
    }
  }
}

function isNode(value: unknown): value is AcornNode {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}

function hasDynamicAccessName(node: AcornNode): boolean {
  if (node.type === "Identifier") return DYNAMIC_GLOBAL_ACCESS.has(node.name as string);
  if (node.type === "Literal" && typeof node.value === "string") return node.value.includes("constructor");
  if (node.type === "TemplateElement") return String((node.value as { cooked?: string }).cooked).includes("constructor");
  return false;
}

/** `x.nodes` and `{ nodes: 1 }` name a property, not the global. */
function isPropertyName(node: AcornNode, parent: AcornNode | null): boolean {
  if (!parent) return false;
  if (parent.type === "MemberExpression") return parent.property === node && !parent.computed;
  if (parent.type === "Property") return parent.key === node && !parent.computed && !parent.shorthand;
  return false;
}

/** The entry read by `nodes.x` / `nodes["x"]`, or null for any other use of the global. */
function staticEntryName(node: AcornNode, parent: AcornNode): string | null {
  if (parent.type !== "MemberExpression" || parent.object !== node) return null;
  const property = parent.property as AcornNode;
  if (!parent.computed && property.type === "Identifier") return property.name as string;
  if (parent.computed && property.type === "Literal" && typeof property.value === "string") return property.value;
  return null;
}
