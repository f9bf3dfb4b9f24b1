"use client";

import type { EdgeChange, NodeChange, XYPosition } from "@xyflow/react";
import { useCallback, useMemo, useRef, useState } from "react";
import type { NodePosition } from "@/lib/contract";
import type { ValidationCatalog } from "@/lib/workflow";
import { toCanvas } from "@/lib/workflow/to-canvas";
import { asFlowEdges, asStepNodes, type FlowEdge, type StepNode } from "./canvas-types";
import { useEditor, useEditorStore } from "./editor-context";
import { useSafeDispatch } from "./use-safe-dispatch";

const NO_POSITIONS: ReadonlyMap<string, XYPosition> = new Map();
const selectedNodes = new WeakMap<StepNode, StepNode>();
const selectedEdges = new WeakMap<FlowEdge, FlowEdge>();

/**
 * React Flow's nodes and edges for the editor store's graph, and the change handlers that turn
 * gestures back into `lib/workflow` operations. Node objects stay the same across renders unless
 * their domain node, selection or drag position changed, so React Flow re-renders only those.
 * During a drag, positions live here; the drop is one `moveNodes`.
 */
export function useCanvasElements(catalog: ValidationCatalog | undefined) {
  const store = useEditorStore();
  const dispatchSafely = useSafeDispatch();
  const domainNodes = useEditor((state) => state.nodes);
  const selectedUuids = useEditor((state) => state.selectedUuids);
  const selectedEdgeIds = useEditor((state) => state.selectedEdgeIds);
  const graph = useMemo(() => toCanvas(domainNodes, catalog), [domainNodes, catalog]);
  const [dragPositions, setDragPositions] = useState(NO_POSITIONS);
  const dragging = useRef(new Set<string>());
  // Pointer events can come faster than frames; positions are applied once per frame.
  const pendingMoves = useRef(new Map<string, XYPosition>());
  const moveFrame = useRef(0);

  const nodes = useMemo(() => {
    const selected = new Set(selectedUuids);
    return asStepNodes(graph.nodes).map((node) => {
      const position = dragPositions.get(node.id);
      if (position) return { ...node, position, selected: selected.has(node.id) };
      return selected.has(node.id) ? variant(selectedNodes, node) : node;
    });
  }, [graph.nodes, selectedUuids, dragPositions]);

  const edges = useMemo(() => {
    const flowEdges = asFlowEdges(graph.edges);
    if (selectedEdgeIds.length === 0) return flowEdges;
    const selected = new Set(selectedEdgeIds);
    return flowEdges.map((edge) => (selected.has(edge.id) ? variant(selectedEdges, edge) : edge));
  }, [graph.edges, selectedEdgeIds]);

  const onNodesChange = useCallback(
    (changes: NodeChange<StepNode>[]) => {
      let selection: Set<string> | null = null;
      const moving = new Map<string, XYPosition>();
      const dropped: Record<string, NodePosition> = {};
      for (const change of changes) {
        if (change.type === "select") {
          selection ??= new Set(store.getState().selectedUuids);
          if (change.selected) selection.add(change.id);
          else selection.delete(change.id);
        } else if (change.type === "position" && change.position) {
          if (change.dragging) moving.set(change.id, change.position);
          else dropped[change.id] = { x: Math.round(change.position.x), y: Math.round(change.position.y) };
        }
      }
      if (selection) store.getState().select([...selection]);
      if (moving.size > 0) {
        for (const [id, position] of moving) {
          dragging.current.add(id);
          pendingMoves.current.set(id, position);
        }
        moveFrame.current ||= requestAnimationFrame(() => {
          moveFrame.current = 0;
          const moves = pendingMoves.current;
          pendingMoves.current = new Map();
          if (moves.size > 0) setDragPositions((previous) => new Map([...previous, ...moves]));
        });
      }
      const droppedIds = Object.keys(dropped);
      if (droppedIds.length > 0) {
        for (const id of droppedIds) pendingMoves.current.delete(id);
        // Arrow-key nudges of the same nodes make one undo step; each drag makes its own.
        const wasDragged = droppedIds.some((id) => dragging.current.has(id));
        dispatchSafely({ type: "moveNodes", positions: dropped }, wasDragged ? undefined : { coalesceKey: `nudge:${droppedIds.sort().join(",")}` });
        for (const id of droppedIds) dragging.current.delete(id);
        setDragPositions((previous) => {
          const next = new Map(previous);
          for (const id of droppedIds) next.delete(id);
          return next.size === 0 ? NO_POSITIONS : next;
        });
      }
    },
    [store, dispatchSafely],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) => {
      let selection: Set<string> | null = null;
      for (const change of changes) {
        if (change.type !== "select") continue;
        selection ??= new Set(store.getState().selectedEdgeIds);
        if (change.selected) selection.add(change.id);
        else selection.delete(change.id);
      }
      if (selection) store.getState().selectEdges([...selection]);
    },
    [store],
  );

  return { nodes, edges, graphNodes: graph.nodes, selectedUuids, onNodesChange, onEdgesChange };
}

/** The `selected: true` copy of a node or edge, made once per object. */
function variant<T extends object>(cache: WeakMap<T, T>, element: T): T {
  let copy = cache.get(element);
  if (!copy) cache.set(element, (copy = { ...element, selected: true }));
  return copy;
}
