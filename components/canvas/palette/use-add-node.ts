"use client";

import { useReactFlow, useStoreApi } from "@xyflow/react";
import { useCallback } from "react";
import type { NodePosition } from "@/lib/contract";
import { CANVAS_NODE_HEIGHT, CANVAS_NODE_WIDTH } from "@/lib/workflow/to-canvas";
import { useEditorStore } from "../editor-context";
import { useSafeDispatch } from "../use-safe-dispatch";
import { newNodeSlug, nodeFromPaletteItem, type PaletteItem } from "./palette-items";
import { placeNewNode } from "./placement";

/**
 * Adds a palette item as a new node and selects it. At `at` (a drop, in flow coordinates) it is
 * added unconnected; otherwise it goes under the selected node (see `placeNewNode`) or at the
 * centre of the view, which then follows it if it landed out of sight.
 */
export function useAddNode() {
  const store = useEditorStore();
  const flowStore = useStoreApi();
  const reactFlow = useReactFlow();
  const dispatchSafely = useSafeDispatch();

  return useCallback(
    (entry: PaletteItem, at?: NodePosition) => {
      const { nodes, selectedUuids } = store.getState();
      const uuid = crypto.randomUUID();
      const slug = newNodeSlug(entry.actionSlug, nodes);
      const slots = nodeFromPaletteItem(entry, { uuid, slug, position: { x: 0, y: 0 } }).childrenUuids.length;
      const placement = at
        ? { position: { x: Math.round(at.x), y: Math.round(at.y) } }
        : placeNewNode(nodes, { parentUuid: selectedUuids.at(-1) ?? null, newNodeSlots: slots, center: viewportCenter() });
      const node = nodeFromPaletteItem(entry, { uuid, slug, position: placement.position });
      const coalesceKey = `add:${uuid}`;
      const added = dispatchSafely(
        { type: "addNode", node, ...(placement.parentUuid && { parentUuid: placement.parentUuid, childIndex: placement.childIndex }) },
        { coalesceKey, select: [uuid] },
      );
      if (!added) return;
      if (placement.shifted && Object.keys(placement.shifted).length > 0) dispatchSafely({ type: "moveNodes", positions: placement.shifted }, { coalesceKey });
      store.getState().selectEdges([]);
      if (!at && !inView(placement.position)) {
        void reactFlow.setCenter(placement.position.x + CANVAS_NODE_WIDTH / 2, placement.position.y + CANVAS_NODE_HEIGHT / 2, {
          zoom: reactFlow.getZoom(),
          duration: 250,
        });
      }

      function viewportCenter(): NodePosition {
        const bounds = flowStore.getState().domNode?.getBoundingClientRect();
        if (!bounds) return { x: 0, y: 0 };
        return reactFlow.screenToFlowPosition({ x: bounds.left + bounds.width / 2, y: bounds.top + bounds.height / 2 });
      }

      function inView(position: NodePosition): boolean {
        const { width, height, transform } = flowStore.getState();
        const [x, y, zoom] = transform;
        const left = position.x * zoom + x;
        const top = position.y * zoom + y;
        return left >= 0 && top >= 0 && left + CANVAS_NODE_WIDTH * zoom <= width && top + CANVAS_NODE_HEIGHT * zoom <= height;
      }
    },
    [store, flowStore, reactFlow, dispatchSafely],
  );
}
