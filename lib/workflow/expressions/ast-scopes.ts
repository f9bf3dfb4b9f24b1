import type { Node } from "acorn";

/** An acorn node read by field name, as the walkers do. */
export type AnyNode = Node & Record<string, unknown>;

/** Nodes that open a function scope, whose parameters and declarations can shadow a global. */
export const FUNCTIONS = new Set(["ArrowFunctionExpression", "FunctionExpression", "FunctionDeclaration"]);
/** Fields of a node that hold positions or its kind, never child nodes. */
export const SKIPPED_FIELDS = new Set(["type", "start", "end", "loc", "range"]);

/** Whether a field value is an AST node (rather than a position, a name or data). */
export function isNode(value: unknown): value is AnyNode {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}

/** The names a parameter or declaration pattern binds: `x`, `{ a, b: [c] }`, `...rest`, `y = 1`. */
export function patternNames(pattern: AnyNode): string[] {
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

/**
 * The names a function body declares (variables, functions, classes), nested functions aside.
 * Block scoping is ignored: a declaration anywhere in a function counts for all of it, which can
 * only make a reference look shadowed, never invent one.
 */
export function declaredNames(body: AnyNode): string[] {
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
