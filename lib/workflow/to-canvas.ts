import { ownEntry } from "@/lib/contract/own-entry";
import type { WorkflowNode } from "@/lib/contract";
import type { ValidationCatalog } from "./catalog";
import { nodeByUuid } from "./graph";
import { NATIVE_INTEGRATION_SLUG } from "./native-kinds";

/** Every canvas node has this size, so neither React Flow nor the layout ever has to measure one. */
export const CANVAS_NODE_WIDTH = 240;
export const CANVAS_NODE_HEIGHT = 72;
/** Side of a handle's square hit box, in flow pixels. */
export const CANVAS_HANDLE_SIZE = 12;
/** The handle id of every node's one incoming connection point. */
export const TARGET_HANDLE_ID = "in";
/** The handle id of the "On failure" connection point (`fallbackChildUuid`). */
export const FALLBACK_HANDLE_ID = "fallback";

/** The source handle id of child slot `childIndex`: `child-<i>`. */
export function childHandleId(childIndex: number): string {
  return `child-${childIndex}`;
}

/** The child slot a source handle id names: a number for `child-<i>`, "fallback", or null for anything else. */
export function parseSourceHandle(handleId: string | null | undefined): number | "fallback" | null {
  if (handleId === FALLBACK_HANDLE_ID) return "fallback";
  const match = /^child-(\d+)$/.exec(handleId ?? "");
  return match ? Number(match[1]) : null;
}

export type CanvasPosition = "top" | "bottom" | "right";

/** Where a handle sits on the node, relative to its top-left corner (React Flow's `NodeHandle`). */
export interface CanvasHandle {
  id: string;
  type: "source" | "target";
  position: CanvasPosition;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One child slot's connection point: its handle id, its label (Yes, No, a route name…), where it sits (0–1 of the width) and whether an edge leaves it. */
export interface CanvasSourceSlot {
  id: string;
  label: string | null;
  offset: number;
  connected: boolean;
}

export type StepNodeData = {
  uuid: string;
  slug: string;
  /** The node's name, or its slug when it has none. */
  title: string;
  /** The action's display name (from the catalog), e.g. "Branch" or "Create record". */
  actionName: string;
  /** The integration's name for connector nodes; null for built-ins. */
  integrationName: string | null;
  kind: WorkflowNode["kind"];
  integrationSlug: string;
  actionSlug: string;
  slots: CanvasSourceSlot[];
  hasTarget: boolean;
  hasFallback: boolean;
  /** Whether an "On failure" edge leaves the node (`fallbackChildUuid` is set). */
  fallbackConnected: boolean;
};

/** A React Flow node (`Node<StepNodeData, "step">`), pre-sized and with its handles laid out. */
export interface CanvasNode {
  id: string;
  type: "step";
  position: { x: number; y: number };
  data: StepNodeData;
  width: number;
  height: number;
  measured: { width: number; height: number };
  handles: CanvasHandle[];
  ariaLabel: string;
  domAttributes: Record<string, string>;
}

export type CanvasEdgeData = {
  kind: "child" | "fallback";
  childIndex: number | null;
  label: string | null;
};

/** A React Flow edge (`Edge<CanvasEdgeData, "flow">`) for one child slot or the failure fallback. */
export interface CanvasEdge {
  id: string;
  type: "flow";
  source: string;
  target: string;
  sourceHandle: string;
  targetHandle: string;
  data: CanvasEdgeData;
  ariaLabel: string;
  domAttributes: Record<string, string>;
}

export interface CanvasGraph {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
}

type LabelCatalog = Pick<ValidationCatalog, "integrations">;

/**
 * Labels of a node's child slots, one per entry of `childrenUuids`: a switch's route names, else
 * the action's `children[].text` (Yes/No for a branch, A/B for a split, an integration action's
 * named children); null where there is none.
 */
export function childLabels(node: WorkflowNode, catalog: LabelCatalog | undefined): (string | null)[] {
  if (node.kind === "native" && node.actionSlug === "switch") {
    const routes = Array.isArray(node.config.routes) ? (node.config.routes as unknown[]) : [];
    return node.childrenUuids.map((_, index) => routeName(routes[index]) ?? `Route ${index + 1}`);
  }
  const children = ownEntry(ownEntry(catalog?.integrations, integrationSlugOf(node))?.actions, node.actionSlug)?.children ?? [];
  return node.childrenUuids.map((_, index) => children[index]?.text || null);
}

/** Whether edges can lead into the node: every node but a start node. */
export function hasTargetHandle(node: Pick<WorkflowNode, "kind" | "actionSlug">): boolean {
  return !(node.kind === "native" && node.actionSlug === "start");
}

/** Whether the node can have an "On failure" child: nothing fails before a start node runs, and an end node has nothing to go on to. */
export function hasFallbackHandle(node: Pick<WorkflowNode, "kind" | "actionSlug">): boolean {
  return node.kind !== "native" || (node.actionSlug !== "start" && node.actionSlug !== "end");
}

/** The action's display name from the catalog, else the action slug made readable ("createRecord" → "Create record"). */
export function actionDisplayName(node: Pick<WorkflowNode, "actionSlug"> & { kind: string; integrationSlug?: string }, catalog: LabelCatalog | undefined): string {
  const integrationSlug = node.kind === "native" ? NATIVE_INTEGRATION_SLUG : (node.integrationSlug ?? "");
  return ownEntry(ownEntry(catalog?.integrations, integrationSlug)?.actions, node.actionSlug)?.name ?? humanize(node.actionSlug);
}

/**
 * Maps domain nodes to React Flow nodes and edges. Results are memoized per domain node object:
 * `apply` shares unchanged nodes, so after moving or editing one node of 1000 only that node (and
 * the edges touching it) are new objects, and React Flow re-renders only those. A new catalog
 * (once integrations load) replaces only the nodes whose labels it changes.
 * @example const { nodes, edges } = toCanvas(state.nodes, catalog);
 */
export function toCanvas(nodes: readonly WorkflowNode[], catalog?: LabelCatalog): CanvasGraph {
  return sharedMapper(nodes, catalog);
}

/** A `toCanvas` with caches of its own. */
export function createCanvasMapper(): (nodes: readonly WorkflowNode[], catalog?: LabelCatalog) => CanvasGraph {
  const nodeCache = new WeakMap<WorkflowNode, { catalog: LabelCatalog | undefined; node: CanvasNode }>();
  // Per source node: its edges by id, with the canvas source and target node each was built for.
  const edgeCache = new WeakMap<WorkflowNode, Map<string, EdgeEntry>>();

  return (nodes, catalog) => {
    const byUuid = nodeByUuid(nodes);
    const canvasNodes: CanvasNode[] = [];
    const canvasEdges: CanvasEdge[] = [];
    for (const node of nodes) {
      const cached = nodeCache.get(node);
      let canvasNode = cached?.node;
      if (!cached || cached.catalog !== catalog) {
        const names = catalogNames(node, catalog);
        canvasNode = cached && sameNames(cached.node.data, names) ? cached.node : buildNode(node, names);
        nodeCache.set(node, { catalog, node: canvasNode });
      }
      canvasNodes.push(canvasNode!);

      const previous = edgeCache.get(node);
      const current = new Map<string, EdgeEntry>();
      const addEdge = (handle: string, targetUuid: string, data: CanvasEdgeData) => {
        const target = byUuid.get(targetUuid);
        if (!target) return;
        const id = `${node.uuid}->${handle}`;
        const cachedEdge = previous?.get(id);
        const entry =
          cachedEdge && cachedEdge.target === target && cachedEdge.source === canvasNode
            ? cachedEdge
            : { source: canvasNode!, target, edge: buildEdge(id, node, handle, target, data) };
        current.set(id, entry);
        canvasEdges.push(entry.edge);
      };
      const { slots } = canvasNode!.data;
      node.childrenUuids.forEach((targetUuid, childIndex) => {
        if (targetUuid !== null) addEdge(childHandleId(childIndex), targetUuid, { kind: "child", childIndex, label: slots[childIndex]?.label ?? null });
      });
      if (node.fallbackChildUuid) addEdge(FALLBACK_HANDLE_ID, node.fallbackChildUuid, { kind: "fallback", childIndex: null, label: "On failure" });
      edgeCache.set(node, current);
    }
    return { nodes: canvasNodes, edges: canvasEdges };
  };
}

interface EdgeEntry {
  source: CanvasNode;
  target: WorkflowNode;
  edge: CanvasEdge;
}

const sharedMapper = createCanvasMapper();

/** What a node's canvas form takes from the catalog. */
interface CatalogNames {
  actionName: string;
  integrationName: string | null;
  labels: (string | null)[];
}

function catalogNames(node: WorkflowNode, catalog: LabelCatalog | undefined): CatalogNames {
  const integrationSlug = integrationSlugOf(node);
  return {
    actionName: actionDisplayName(node, catalog),
    integrationName: node.kind === "connector" ? (ownEntry(catalog?.integrations, integrationSlug)?.name ?? integrationSlug) : null,
    labels: childLabels(node, catalog),
  };
}

/** Whether a node built from another catalog shows the same names, so it can be kept. */
function sameNames(data: StepNodeData, names: CatalogNames): boolean {
  return (
    data.actionName === names.actionName &&
    data.integrationName === names.integrationName &&
    data.slots.length === names.labels.length &&
    data.slots.every((slot, index) => slot.label === names.labels[index])
  );
}

function buildNode(node: WorkflowNode, { actionName, integrationName, labels }: CatalogNames): CanvasNode {
  const count = node.childrenUuids.length;
  const slots = labels.map((label, index) => ({
    id: childHandleId(index),
    label,
    offset: (index + 1) / (count + 1),
    connected: node.childrenUuids[index] !== null,
  }));
  const hasTarget = hasTargetHandle(node);
  const hasFallback = hasFallbackHandle(node);
  const title = node.name?.trim() || node.slug;
  return {
    id: node.uuid,
    type: "step",
    position: node.position,
    data: {
      uuid: node.uuid,
      slug: node.slug,
      title,
      actionName,
      integrationName,
      kind: node.kind,
      integrationSlug: integrationSlugOf(node),
      actionSlug: node.actionSlug,
      slots,
      hasTarget,
      hasFallback,
      fallbackConnected: Boolean(node.fallbackChildUuid),
    },
    width: CANVAS_NODE_WIDTH,
    height: CANVAS_NODE_HEIGHT,
    measured: { width: CANVAS_NODE_WIDTH, height: CANVAS_NODE_HEIGHT },
    handles: [
      ...(hasTarget ? [handle(TARGET_HANDLE_ID, "target", "top", CANVAS_NODE_WIDTH / 2, 0)] : []),
      ...slots.map((slot) => handle(slot.id, "source", "bottom", CANVAS_NODE_WIDTH * slot.offset, CANVAS_NODE_HEIGHT)),
      ...(hasFallback ? [handle(FALLBACK_HANDLE_ID, "source", "right", CANVAS_NODE_WIDTH, CANVAS_NODE_HEIGHT / 2)] : []),
    ],
    ariaLabel: title,
    domAttributes: { "data-testid": `node-${node.slug}`, "data-slug": node.slug },
  };
}

function buildEdge(id: string, source: WorkflowNode, handle: string, target: WorkflowNode, data: CanvasEdgeData): CanvasEdge {
  const via = data.label ? ` (${data.label})` : "";
  return {
    id,
    type: "flow",
    source: source.uuid,
    target: target.uuid,
    sourceHandle: handle,
    targetHandle: TARGET_HANDLE_ID,
    data,
    ariaLabel: `${source.slug} to ${target.slug}${via}`,
    domAttributes: {
      "data-testid": `edge-${source.slug}-${handle}`,
      "data-source-slug": source.slug,
      "data-target-slug": target.slug,
      "data-handle": handle,
    },
  };
}

/** A handle centred on (`cx`, `cy`), the same box the step node's CSS gives it. */
function handle(id: string, type: CanvasHandle["type"], position: CanvasPosition, cx: number, cy: number): CanvasHandle {
  const size = CANVAS_HANDLE_SIZE;
  return { id, type, position, x: cx - size / 2, y: cy - size / 2, width: size, height: size };
}

function integrationSlugOf(node: WorkflowNode): string {
  return node.kind === "native" ? NATIVE_INTEGRATION_SLUG : node.integrationSlug;
}

function routeName(route: unknown): string | null {
  if (typeof route !== "object" || route === null) return null;
  const name = (route as { name?: unknown }).name;
  return typeof name === "string" && name.trim() ? name.trim() : null;
}

const humanized = new Map<string, string>();

function humanize(slug: string): string {
  let text = humanized.get(slug);
  if (text === undefined) humanized.set(slug, (text = readable(slug)));
  return text;
}

function readable(slug: string): string {
  const words = slug.replace(/[_-]+/g, " ").replace(/([a-z0-9])([A-Z])/g, "$1 $2").trim().toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : slug;
}
