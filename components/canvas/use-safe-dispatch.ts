"use client";

import { useCallback } from "react";
import { WorkflowOperationError, type WorkflowOperation } from "@/lib/workflow";
import { useEditorStore } from "./editor-context";

/**
 * `dispatch` for gestures: an operation the graph refuses (an unknown node, a full slot) becomes a
 * notice on the canvas instead of an exception. Returns whether it applied.
 */
export function useSafeDispatch() {
  const store = useEditorStore();
  return useCallback(
    (operation: WorkflowOperation, options?: { coalesceKey?: string; select?: string[] }): boolean => {
      try {
        store.getState().dispatch(operation, options);
        return true;
      } catch (error) {
        if (!(error instanceof WorkflowOperationError)) throw error;
        store.getState().notify(error.message);
        return false;
      }
    },
    [store],
  );
}
