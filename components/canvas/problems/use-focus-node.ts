"use client";

import { useReactFlow } from "@xyflow/react";
import { useCallback } from "react";
import { useEditorStore } from "../editor-context";

const FOCUS_ZOOM = 1;

/**
 * Selects a node and pans the canvas to center it (at least at 100 % zoom), using the size React
 * Flow measured; without a canvas (or before it measured the node) its domain position is used.
 */
export function useFocusNode(): (uuid: string) => void {
  const store = useEditorStore();
  const { getInternalNode, getZoom, setCenter } = useReactFlow();
  return useCallback(
    (uuid: string) => {
      const state = store.getState();
      const node = state.nodes.find((candidate) => candidate.uuid === uuid);
      if (!node) return;
      state.select([uuid]);
      const internal = getInternalNode(uuid);
      const position = internal?.internals.positionAbsolute ?? node.position;
      const width = internal?.measured.width ?? 0;
      const height = internal?.measured.height ?? 0;
      void setCenter(position.x + width / 2, position.y + height / 2, { zoom: Math.max(getZoom(), FOCUS_ZOOM), duration: 300 });
    },
    [store, getInternalNode, getZoom, setCenter],
  );
}
