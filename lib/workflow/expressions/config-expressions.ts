import { isExpressionObject, type ExpressionObject, type WorkflowNode } from "@/lib/contract";

/** An expression object found in a config, with the keys leading to it (`["mappings", 0, "value"]`). */
export interface ConfigExpression {
  path: Array<string | number>;
  expression: ExpressionObject;
}

/** Config keys that hold something other than this graph's values: a group's sub-graph. */
function ownedElsewhere(node: WorkflowNode): ReadonlySet<string> {
  return node.kind === "native" && node.actionSlug === "group" ? new Set(["_nodes"]) : new Set();
}

/**
 * Every expression object in a node's config, depth first in key order. A group's `_nodes` are
 * left out: they belong to the sub-graph.
 */
export function configExpressions(node: WorkflowNode): ConfigExpression[] {
  const found: ConfigExpression[] = [];
  const skipped = ownedElsewhere(node);
  const walk = (value: unknown, path: Array<string | number>): void => {
    if (isExpressionObject(value)) found.push({ path, expression: value });
    else if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]));
    else if (typeof value === "object" && value !== null) {
      for (const [key, child] of Object.entries(value)) if (path.length > 0 || !skipped.has(key)) walk(child, [...path, key]);
    }
  };
  walk(node.config, []);
  return found;
}

/**
 * The node's config with every expression object passed through `rewrite` (a group's `_nodes`
 * aside). Unchanged branches keep their identity, and the config itself when nothing changed.
 */
export function mapConfigExpressions(node: WorkflowNode, rewrite: (expression: ExpressionObject) => ExpressionObject): Record<string, unknown> {
  const skipped = ownedElsewhere(node);
  const map = (value: unknown, depth: number): unknown => {
    if (isExpressionObject(value)) return rewrite(value);
    if (Array.isArray(value)) {
      const mapped = value.map((item) => map(item, depth + 1));
      return mapped.some((item, index) => item !== value[index]) ? mapped : value;
    }
    if (typeof value !== "object" || value === null) return value;
    let changed = false;
    const entries = Object.entries(value).map(([key, child]) => {
      const mapped = depth === 0 && skipped.has(key) ? child : map(child, depth + 1);
      changed ||= mapped !== child;
      return [key, mapped] as const;
    });
    return changed ? Object.fromEntries(entries) : value;
  };
  return map(node.config, 0) as Record<string, unknown>;
}

/** Writes a config path as Cargo's dotted form: `mappings.0.name`. */
export function formatConfigPath(path: ReadonlyArray<string | number>): string {
  return path.join(".");
}
