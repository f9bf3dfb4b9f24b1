import { type Expression } from "acorn";

/**
 * Syntax that cannot change anything outside the values it creates, once the intrinsics are the
 * original ones: no calls (`Object.assign(Object.prototype, …)`), no functions or classes (whose
 * bodies could run later, through a getter or a static block), no assignment, update or `delete`.
 * What remains reads (data properties of JSON data and builtins, native getters) and computes
 * (operators call only native `valueOf`/`toString`, since no user function exists).
 */
const HARMLESS = new Set([
  "Identifier",
  "Literal",
  "ThisExpression",
  "MemberExpression",
  "ChainExpression",
  "ParenthesizedExpression",
  "BinaryExpression",
  "LogicalExpression",
  "ConditionalExpression",
  "SequenceExpression",
  "UnaryExpression",
  "TemplateLiteral",
  "TemplateElement",
  "ArrayExpression",
  "ObjectExpression",
  "Property",
  "SpreadElement",
]);
const POSITION_FIELDS = new Set(["type", "start", "end", "loc", "range"]);

const memo = new WeakMap<Expression, boolean>();

/**
 * Whether evaluating the expression can change nothing (`nodes.a.n > 100 ? "big" : nodes.a.label`):
 * neither the scope's data, so later paths of the config may still be read in the host, nor a
 * QuickJS context's globals and intrinsics, so the context can serve the next session. Decided
 * from the syntax alone, conservatively: any call makes it false.
 * @example isSideEffectFree(ast of "nodes.a.x ?? 'none'") // true
 */
export function isSideEffectFree(ast: Expression): boolean {
  let answer = memo.get(ast);
  if (answer === undefined) {
    answer = harmless(ast);
    memo.set(ast, answer);
  }
  return answer;
}

function harmless(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(harmless);
  if (typeof value !== "object" || value === null) return true;
  const node = value as Record<string, unknown>;
  // Objects without a type are data (a template element's text, a regular expression's source).
  if (typeof node.type !== "string") return true;
  if (!HARMLESS.has(node.type) || (node.type === "UnaryExpression" && node.operator === "delete")) return false;
  // A regular expression literal's `value` is a RegExp, not a node.
  if (node.type === "Literal") return true;
  return Object.entries(node).every(([field, child]) => POSITION_FIELDS.has(field) || harmless(child));
}
