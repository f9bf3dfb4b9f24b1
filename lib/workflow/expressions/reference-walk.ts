import type { Expression, Node } from "acorn";
import { declaredNames, FUNCTIONS, isNode, patternNames, SKIPPED_FIELDS, type AnyNode } from "./ast-scopes";

/** The scope objects expressions read node outputs from: this graph's nodes, and a group's parent graph. */
export type ReferenceRoot = "nodes" | "parentNodes";

/** One static key of a reference chain, with where it sits in the source (for rewriting). */
export interface ReferenceKey {
  name: string;
  /** `["x"]` rather than `.x`. */
  computed: boolean;
  start: number;
  end: number;
  /** End of the object the key is read from: `.x` / `?.x` sit between it and `start`. */
  objectEnd: number;
}

/** One place the code names `nodes` or `parentNodes` as a variable. */
export interface RootUse {
  root: ReferenceRoot;
  /**
   * The static keys (`.x`, `["x"]`, `[0]`) read from the root there, up to the first other key or
   * method call; empty when the root is used otherwise (`nodes[key]`, `Object.keys(nodes)`).
   */
  keys: ReferenceKey[];
  /** The first key is called (`nodes.hasOwnProperty("x")`): that reads the record, not an entry. */
  firstKeyCalled: boolean;
  /** A parameter or declaration of the same name shadows the global here. */
  shadowed: boolean;
}

/** Everything the walk learns about how an expression reads its scope. */
export interface ExpressionReferences {
  uses: readonly RootUse[];
  /**
   * The code may reach globals without naming them (`this`, `globalThis`, `eval`, `Function`, or
   * `constructor` as a name or in a string, the way to the Function constructor).
   */
  reachesGlobalsIndirectly: boolean;
}

const ROOTS = new Set<string>(["nodes", "parentNodes"]);
const INDIRECT_GLOBAL_ACCESS = new Set(["globalThis", "eval", "Function", "constructor"]);

const memo = new WeakMap<Expression, ExpressionReferences>();

/** Whether a name is one of the scope objects that hold node outputs. */
export function isReferenceRoot(name: string): name is ReferenceRoot {
  return ROOTS.has(name);
}

/**
 * Walks an expression's AST once and lists every use of `nodes`/`parentNodes` (with the static
 * keys read from it and whether a local name shadows it) and whether the code can reach globals
 * indirectly. The one walker behind the editor's and the validation's reference checks, renames,
 * and the engine's narrowing of the scope it copies into the sandbox.
 * @example walkReferences(ast of "nodes.prep.domain") // uses: [{ root: "nodes", keys: [prep, domain], … }]
 */
export function walkReferences(ast: Expression): ExpressionReferences {
  // Parses are memoized (parseExpression), so the same AST comes back for the same source.
  let found = memo.get(ast);
  if (!found) {
    found = collect(ast);
    memo.set(ast, found);
  }
  return found;
}

/** The key `.x` or `["x"]`/`[0]` reads, or undefined for a key computed at run time. */
export function staticKey(member: AnyNode): ReferenceKey | undefined {
  const property = member.property as AnyNode;
  const objectEnd = (member.object as Node).end;
  if (!member.computed && property.type === "Identifier") {
    return { name: property.name as string, computed: false, start: property.start, end: property.end, objectEnd };
  }
  if (member.computed && property.type === "Literal" && (typeof property.value === "string" || typeof property.value === "number")) {
    return { name: String(property.value), computed: true, start: property.start, end: property.end, objectEnd };
  }
  return undefined;
}

function collect(ast: Expression): ExpressionReferences {
  const uses: RootUse[] = [];
  const callees = new Set<Node>();
  let indirect = false;

  function noteIndirectAccess(node: AnyNode): void {
    if (node.type === "ThisExpression") indirect = true;
    else if (node.type === "Identifier") indirect ||= INDIRECT_GLOBAL_ACCESS.has(node.name as string);
    else if (node.type === "Literal") indirect ||= typeof node.value === "string" && node.value.includes("constructor");
    else if (node.type === "TemplateElement") indirect ||= String((node.value as { cooked?: string }).cooked).includes("constructor");
  }

  function visit(node: AnyNode, shadowed: ReadonlySet<string>): void {
    noteIndirectAccess(node);
    if (node.type === "Identifier" && isReferenceRoot(node.name as string)) {
      uses.push({ root: node.name as ReferenceRoot, keys: [], firstKeyCalled: false, shadowed: shadowed.has(node.name as string) });
      return;
    }
    if (FUNCTIONS.has(node.type)) return visitFunction(node, shadowed);
    if (node.type === "CatchClause") {
      const inner = withNames(shadowed, node.param ? patternNames(node.param as AnyNode) : []);
      return visit(node.body as AnyNode, inner);
    }
    if (node.type === "CallExpression" || node.type === "NewExpression") callees.add(node.callee as Node);
    if (node.type === "TaggedTemplateExpression") callees.add(node.tag as Node);
    if (node.type === "MemberExpression" && visitChain(node, shadowed)) return;
    for (const [field, value] of Object.entries(node)) {
      if (SKIPPED_FIELDS.has(field)) continue;
      // `.x` and `{ x: … }` name a property, not a variable.
      if ((field === "property" || field === "key") && !node.computed) {
        if (isNode(value)) noteIndirectAccess(value);
        continue;
      }
      visitValue(value, shadowed);
    }
  }

  function visitValue(value: unknown, shadowed: ReadonlySet<string>): void {
    if (Array.isArray(value)) value.forEach((item) => visitValue(item, shadowed));
    else if (isNode(value)) visit(value, shadowed);
  }

  function visitFunction(node: AnyNode, shadowed: ReadonlySet<string>): void {
    const params = (node.params as AnyNode[]).flatMap(patternNames);
    const own = node.type === "FunctionExpression" && node.id ? [(node.id as AnyNode).name as string] : [];
    const inner = withNames(shadowed, [...params, ...own, ...declaredNames(node.body as AnyNode)]);
    visitValue(node.params, inner);
    visit(node.body as AnyNode, inner);
  }

  /** Records a member chain rooted at `nodes`/`parentNodes`; false when it is rooted elsewhere. */
  function visitChain(outer: AnyNode, shadowed: ReadonlySet<string>): boolean {
    const members: AnyNode[] = [];
    let current: AnyNode = outer;
    while (current.type === "MemberExpression" || current.type === "ChainExpression" || current.type === "ParenthesizedExpression") {
      if (current.type === "MemberExpression") members.unshift(current);
      current = (current.type === "MemberExpression" ? current.object : current.expression) as AnyNode;
    }
    if (current.type !== "Identifier" || !isReferenceRoot(current.name as string)) return false;
    const keys: ReferenceKey[] = [];
    for (const member of members) {
      const key = staticKey(member);
      // A method call on the output (`nodes.x.toString()`) is not a field of it.
      if (!key || (keys.length > 0 && callees.has(member))) break;
      keys.push(key);
    }
    const root = current.name as ReferenceRoot;
    uses.push({ root, keys, firstKeyCalled: keys.length > 0 && callees.has(members[0]!), shadowed: shadowed.has(root) });
    for (const member of members) {
      if (member.computed) visit(member.property as AnyNode, shadowed);
      else noteIndirectAccess(member.property as AnyNode);
    }
    return true;
  }

  visit(ast as AnyNode, new Set());
  return { uses, reachesGlobalsIndirectly: indirect };
}

function withNames(shadowed: ReadonlySet<string>, names: string[]): ReadonlySet<string> {
  const relevant = names.filter((name) => isReferenceRoot(name) && !shadowed.has(name));
  return relevant.length === 0 ? shadowed : new Set([...shadowed, ...relevant]);
}
