import type { ConnectorNode, NativeNode, NodePosition, WorkflowNode } from "@/lib/contract";
import type { ValidationCatalog } from "./catalog";
import { childrenCount } from "./graph";

interface NewNodeInput {
  uuid: string;
  slug: string;
  actionSlug: string;
  config?: Record<string, unknown>;
  position?: NodePosition;
  name?: string;
}

/** A config a fresh built-in node starts with: neutral values, required conditions left for the user. */
export function defaultNativeConfig(actionSlug: string): Record<string, unknown> {
  switch (actionSlug) {
    case "end":
    case "variables":
      return { variables: [] };
    case "switch":
      return { routes: [] };
    case "split":
      return { percentage: 50 };
    case "delay":
      return { minutes: 1 };
    case "httpRequest":
      return { method: "GET" };
    case "group":
      return { failOnItemFailure: false, _nodes: [] };
    default:
      return {};
  }
}

/**
 * A built-in node with its default config and one unconnected (null) slot per child. Callers pass
 * the uuid so this stays free of any id generator.
 * @example newNativeNode({ uuid: crypto.randomUUID(), slug: "check", actionSlug: "branch" }) // childrenUuids [null, null]
 */
export function newNativeNode({ uuid, slug, actionSlug, config, position, name }: NewNodeInput): NativeNode {
  const node: NativeNode = {
    uuid,
    slug,
    kind: "native",
    actionSlug,
    config: config ?? defaultNativeConfig(actionSlug),
    childrenUuids: [],
    fallbackOnFailure: false,
    position: position ?? { x: 0, y: 0 },
    ...(name !== undefined && { name }),
  };
  return { ...node, childrenUuids: nullSlots(childrenCount(node, { integrations: {} })) };
}

/** A node running an integration's action; its child slots follow the action's named children in `catalog`. */
export function newConnectorNode(
  { uuid, slug, actionSlug, config, position, name, integrationSlug, connectorUuid = null }: NewNodeInput & {
    integrationSlug: string;
    connectorUuid?: string | null;
  },
  catalog: Pick<ValidationCatalog, "integrations"> = { integrations: {} },
): ConnectorNode {
  const node: ConnectorNode = {
    uuid,
    slug,
    kind: "connector",
    integrationSlug,
    actionSlug,
    connectorUuid,
    config: config ?? {},
    childrenUuids: [],
    fallbackOnFailure: false,
    position: position ?? { x: 0, y: 0 },
    ...(name !== undefined && { name }),
  };
  return { ...node, childrenUuids: nullSlots(childrenCount(node, catalog)) };
}

/** The smallest valid graph: a start node joined to an end node. */
export function newStartEndGraph({ startUuid, endUuid }: { startUuid: string; endUuid: string }): WorkflowNode[] {
  const start = newNativeNode({ uuid: startUuid, slug: "start", actionSlug: "start" });
  const end = newNativeNode({ uuid: endUuid, slug: "end", actionSlug: "end", position: { x: 0, y: 166 } });
  return [{ ...start, childrenUuids: [endUuid] }, end];
}

function nullSlots(count: number): null[] {
  return Array.from({ length: count }, () => null);
}
