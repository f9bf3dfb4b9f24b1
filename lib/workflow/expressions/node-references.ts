import type { Expression } from "acorn";
import { walkReferences, type ReferenceKey, type ReferenceRoot } from "./reference-walk";

export type { ReferenceKey, ReferenceRoot } from "./reference-walk";

/** A read of `nodes.<slug>…` (or `parentNodes.<slug>…`): the static keys from the root on. */
export interface NodeReference {
  root: ReferenceRoot;
  /** At least the slug; then the fields read, up to the first computed non-literal key or method call. */
  keys: ReferenceKey[];
}

const memo = new WeakMap<Expression, NodeReference[]>();

/**
 * Finds every member chain rooted at the identifiers `nodes` or `parentNodes` (when a function
 * parameter or declaration does not shadow them), with `.x` or `["x"]` keys.
 * @example findNodeReferences(ast of "nodes.prep.domain + x") // [{ root: "nodes", keys: [prep, domain] }]
 */
export function findNodeReferences(ast: Expression): readonly NodeReference[] {
  let references = memo.get(ast);
  if (!references) {
    references = walkReferences(ast)
      .uses.filter((use) => !use.shadowed && use.keys.length > 0)
      .map(({ root, keys }) => ({ root, keys }));
    memo.set(ast, references);
  }
  return references;
}
