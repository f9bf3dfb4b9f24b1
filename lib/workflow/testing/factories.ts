import type { ConnectorNode, ExpressionObject, NativeNode, WorkflowNode } from "@/lib/contract";
import { newConnectorNode, newNativeNode } from "../new-node";
import { makeTestCatalog } from "./test-catalog";

/** A deterministic uuid-shaped id for fixture node `n`. */
export function fixtureUuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

/** A template expression object, as the forms store one. */
export function template(expression: string): ExpressionObject {
  return { kind: "templateExpression", expression, instructTo: "none", fromRecipe: false };
}

/** A jsExpression object. */
export function js(expression: string): ExpressionObject {
  return { kind: "jsExpression", expression, instructTo: "none", fromRecipe: false };
}

/** A built-in node whose uuid is derived from its slug (`uuid-<slug>`), unless overridden. */
export function makeNative(slug: string, actionSlug: string, overrides: Partial<NativeNode> = {}): NativeNode {
  const node = newNativeNode({ uuid: `uuid-${slug}`, slug, actionSlug, config: overrides.config });
  return { ...node, ...overrides };
}

/** A connector node of the test catalog's "crm" integration. */
export function makeConnector(slug: string, actionSlug: string, overrides: Partial<ConnectorNode> = {}): ConnectorNode {
  const node = newConnectorNode({ uuid: `uuid-${slug}`, slug, integrationSlug: "crm", actionSlug, config: overrides.config }, makeTestCatalog());
  return { ...node, ...overrides };
}

/** Wires each node's first child to the next one (the last keeps its slots as they are). */
export function chain(...nodes: WorkflowNode[]): WorkflowNode[] {
  return nodes.map((node, index) => {
    const next = nodes[index + 1];
    if (!next || node.childrenUuids.length === 0) return node;
    return { ...node, childrenUuids: [next.uuid, ...node.childrenUuids.slice(1)] };
  });
}

/** A variables config with one variable per entry. */
export function variablesConfig(values: Record<string, unknown>): Record<string, unknown> {
  return { variables: Object.entries(values).map(([name, value]) => ({ name, type: "any", value })) };
}
