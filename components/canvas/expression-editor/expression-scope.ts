import { ownEntry } from "@/lib/contract/own-entry";
import type { WorkflowNode } from "@/lib/contract";
import { NATIVE_INTEGRATION_SLUG, upstreamUuids, type CatalogAction, type ValidationCatalog } from "@/lib/workflow";
import { knownOutput, type KnownOutput } from "./known-output";

/** A node an expression may read, with what it is known to output. */
export interface ScopeNode {
  slug: string;
  /** Its name, or its action's when it has none. */
  title: string;
  output: KnownOutput | undefined;
}

/** What the expressions of one node can read: the nodes upstream of it, by slug. */
export interface ExpressionScope {
  /** The slug of the node being edited. */
  slug: string;
  /** Upstream nodes in graph order: never the node itself or one downstream. */
  upstream: Map<string, ScopeNode>;
  /** Every slug in the graph, to tell "not upstream" from "no such node". */
  slugs: ReadonlySet<string>;
}

/**
 * The scope of the node `uuid`: its upstream nodes (`upstreamUuids`) with their known outputs,
 * from the shown test run's context (by slug) and the catalog's declarations.
 * @example buildExpressionScope(nodes, create.uuid, catalog, run?.runContext).upstream.get("start")
 */
export function buildExpressionScope(
  nodes: readonly WorkflowNode[],
  uuid: string,
  catalog: ValidationCatalog | undefined,
  runContext: Record<string, unknown> | undefined,
): ExpressionScope {
  const self = nodes.find((node) => node.uuid === uuid);
  const ancestors = upstreamUuids(nodes, uuid);
  const upstream = new Map<string, ScopeNode>();
  for (const node of nodes) {
    if (!ancestors.has(node.uuid) || node.uuid === uuid || upstream.has(node.slug)) continue;
    const action = actionOf(node, catalog);
    upstream.set(node.slug, { slug: node.slug, title: node.name?.trim() || action?.name || node.actionSlug, output: knownOutput(node, action, runContext?.[node.slug]) });
  }
  return { slug: self?.slug ?? "", upstream, slugs: new Set(nodes.map((node) => node.slug)) };
}

/** The catalog's entry for a node's action, if the catalog has loaded and knows it. */
export function actionOf(node: WorkflowNode, catalog: ValidationCatalog | undefined): CatalogAction | undefined {
  const integrationSlug = node.kind === "native" ? NATIVE_INTEGRATION_SLUG : node.integrationSlug;
  return ownEntry(ownEntry(catalog?.integrations, integrationSlug)?.actions, node.actionSlug);
}
