import type { Expression, Node } from "acorn";

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

/** A read of `nodes.<slug>…` (or `parentNodes.<slug>…`): the static keys from the root on. */
export interface NodeReference {
  root: ReferenceRoot;
  /** At least the slug; then the fields read, up to the first computed non-literal key or method call. */
  keys: ReferenceKey[];
}

const ROOTS = new Set<string>(["nodes", "parentNodes"]);
const FUNCTIONS = new Set(["ArrowFunctionExpression", "FunctionExpression", "FunctionDeclaration"]);
const SKIPPED_FIELDS = new Set(["type", "start", "end", "loc", "range"]);

type AnyNode = Node & Record<string, unknown>;

const memo = new WeakMap<Expression, NodeReference[]>();

/**
 * Finds every member chain rooted at the identifiers `nodes` or `parentNodes` (when a function
 * parameter or declaration does not shadow them), with `.x` or `["x"]` keys.
 * @example findNodeReferences(ast of "nodes.prep.domain + x") // [{ root: "nodes", keys: [prep, domain] }]
 */
export function findNodeReferences(ast: Expression): readonly NodeReference[] {
  // Parses are memoized (parseExpression), so the same AST comes back for the same source.
  let references = memo.get(ast);
  if (!references) {
    references = collectReferences(ast);
    memo.set(ast, references);
  }
  return references;
}

function collectReferences(ast: Expression): NodeReference[] {
  const references: NodeReference[] = [];
  const callees = new Set<Node>();

  function visit(node: AnyNode, shadowed: ReadonlySet<string>): void {
    if (FUNCTIONS.has(node.type)) return visitFunction(node, shadowed);
    if (node.type === "CatchClause") {
      const inner = withNames(shadowed, node.param ? patternNames(node.param as AnyNode) : []);
      return visit(node.body as AnyNode, inner);
    }
    if (node.type === "CallExpression" || node.type === "NewExpression") callees.add(node.callee as Node);
    if (node.type === "MemberExpression" && visitChain(node, shadowed)) return;
    for (const [field, value] of Object.entries(node)) {
      if (SKIPPED_FIELDS.has(field)) continue;
      // `.x` and `{ x: … }` name a property, not a variable.
      if ((field === "property" || field === "key") && !node.computed) continue;
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

  /** Records a chain rooted at an unshadowed root; false when the chain is rooted elsewhere. */
  function visitChain(outer: AnyNode, shadowed: ReadonlySet<string>): boolean {
    const members: AnyNode[] = [];
    let current: AnyNode = outer;
    while (current.type === "MemberExpression" || current.type === "ChainExpression") {
      if (current.type === "MemberExpression") members.unshift(current);
      current = (current.type === "MemberExpression" ? current.object : current.expression) as AnyNode;
    }
    const rootName = current.type === "Identifier" ? (current.name as string) : "";
    if (!ROOTS.has(rootName) || shadowed.has(rootName)) return false;
    const keys: ReferenceKey[] = [];
    for (const member of members) {
      const key = staticKey(member);
      // A method call on the output (`nodes.x.toString()`) is not a field of it.
      if (!key || (keys.length > 0 && callees.has(member))) break;
      keys.push(key);
    }
    if (keys.length > 0) references.push({ root: rootName as ReferenceRoot, keys });
    for (const member of members) if (member.computed) visit(member.property as AnyNode, shadowed);
    return true;
  }

  visit(ast as AnyNode, new Set());
  return references;
}

function staticKey(member: AnyNode): ReferenceKey | undefined {
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

function isNode(value: unknown): value is AnyNode {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}

function withNames(shadowed: ReadonlySet<string>, names: string[]): ReadonlySet<string> {
  const relevant = names.filter((name) => ROOTS.has(name) && !shadowed.has(name));
  return relevant.length === 0 ? shadowed : new Set([...shadowed, ...relevant]);
}

function patternNames(pattern: AnyNode): string[] {
  switch (pattern.type) {
    case "Identifier":
      return [pattern.name as string];
    case "ObjectPattern":
      return (pattern.properties as AnyNode[]).flatMap((property) =>
        patternNames((property.type === "RestElement" ? property : property.value) as AnyNode),
      );
    case "ArrayPattern":
      return (pattern.elements as Array<AnyNode | null>).flatMap((element) => (element ? patternNames(element) : []));
    case "RestElement":
      return patternNames(pattern.argument as AnyNode);
    case "AssignmentPattern":
      return patternNames(pattern.left as AnyNode);
    default:
      return [];
  }
}

// Block scoping is ignored: a declaration anywhere in a function shadows the root in all of it,
// which can only make the check miss a reference, never invent one.
function declaredNames(body: AnyNode): string[] {
  const names: string[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(collect);
    if (!isNode(value)) return;
    if (value.type === "VariableDeclarator") names.push(...patternNames(value.id as AnyNode));
    if ((value.type === "FunctionDeclaration" || value.type === "ClassDeclaration") && value.id) names.push((value.id as AnyNode).name as string);
    if (FUNCTIONS.has(value.type)) return;
    for (const [field, child] of Object.entries(value)) if (!SKIPPED_FIELDS.has(field)) collect(child);
  };
  if (body.type === "BlockStatement") collect(body.body);
  return names;
}
