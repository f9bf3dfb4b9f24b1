import type { Expression } from "acorn";
import type { AnyNode } from "./ast-scopes";
import { isReferenceRoot, staticKey, type ReferenceRoot } from "./reference-walk";

/** One `.key`, `["key"]` or `[0]` of a member path. */
export interface MemberStep {
  key: string;
  /** Written in brackets: JavaScript engines word a failed read differently then. */
  computed: boolean;
  /** `?.`: a null or undefined object ends the whole path as undefined. */
  optional: boolean;
}

/** A read of `nodes…` or `parentNodes…` through static keys only. */
export interface MemberPath {
  root: ReferenceRoot;
  steps: MemberStep[];
}

/**
 * The expression as a plain member path over the scope (`nodes.start.items[0].id`,
 * `parentNodes["x"]?.y`, `nodes`), or null when it is anything more: a call, an operator, a key
 * computed at run time, parentheses inside the chain. Such paths need no JavaScript engine to
 * evaluate.
 * @example plainMemberPath(ast of "nodes.start.items[0]") // { root: "nodes", steps: [start, items, 0] }
 */
export function plainMemberPath(ast: Expression): MemberPath | null {
  let current = ast as AnyNode;
  // Parentheses or a chain around the whole path change nothing; inside it they would bound where `?.` stops.
  while (current.type === "ParenthesizedExpression" || current.type === "ChainExpression") current = current.expression as AnyNode;
  const steps: MemberStep[] = [];
  while (current.type === "MemberExpression") {
    const key = staticKey(current);
    if (!key) return null;
    steps.unshift({ key: key.name, computed: key.computed, optional: current.optional === true });
    current = current.object as AnyNode;
  }
  if (current.type !== "Identifier" || !isReferenceRoot(current.name as string)) return null;
  return { root: current.name as ReferenceRoot, steps };
}
