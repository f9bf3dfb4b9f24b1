"use client";

import { useReactFlow } from "@xyflow/react";
import { useCallback, useMemo, useState } from "react";
import { deleteOperations } from "./canvas-edits";
import { useEditorStore } from "./editor-context";
import { autoLayoutPositions } from "./layout/auto-layout";
import type { ShortcutAction } from "./shortcuts";
import { useSafeDispatch } from "./use-safe-dispatch";

const FIT_VIEW = { padding: 0.15, duration: 250, maxZoom: 1 };
let deletions = 0;

/**
 * Every editor command the toolbar buttons and the keyboard shortcuts share. Graph edits are
 * `lib/workflow` operations through the store; view changes go to React Flow.
 */
export function useEditorCommands() {
  const store = useEditorStore();
  const reactFlow = useReactFlow();
  const dispatchSafely = useSafeDispatch();
  const [layingOut, setLayingOut] = useState(false);

  const deleteSelection = useCallback(() => {
    const { nodes, selectedUuids, selectedEdgeIds, notify, select, selectEdges } = store.getState();
    const { operations, keptStart } = deleteOperations(nodes, selectedUuids, selectedEdgeIds);
    // One undo step for the whole deletion, however many operations it takes.
    const coalesceKey = `delete:${++deletions}`;
    for (const operation of operations) if (!dispatchSafely(operation, { coalesceKey })) break;
    const removed = new Set(operations.flatMap((operation) => (operation.type === "removeNodes" ? operation.uuids : [])));
    select(selectedUuids.filter((uuid) => !removed.has(uuid)));
    selectEdges([]);
    if (keptStart) notify("The start node can't be deleted: every workflow begins there.");
  }, [store, dispatchSafely]);

  const autoLayout = useCallback(async () => {
    if (layingOut) return;
    setLayingOut(true);
    try {
      const positions = await autoLayoutPositions(store.getState().nodes);
      // Nodes deleted while ELK worked are left out; the rest still get their place.
      const present = new Set(store.getState().nodes.map((node) => node.uuid));
      const moves = Object.fromEntries(Object.entries(positions).filter(([uuid]) => present.has(uuid)));
      if (Object.keys(moves).length > 0) dispatchSafely({ type: "moveNodes", positions: moves });
      requestAnimationFrame(() => void reactFlow.fitView(FIT_VIEW));
    } catch (error) {
      store.getState().notify(`Auto layout failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setLayingOut(false);
    }
  }, [store, reactFlow, dispatchSafely, layingOut]);

  const commands = useMemo(
    (): Record<Exclude<ShortcutAction, "help">, () => void> => ({
      undo: () => store.getState().undo(),
      redo: () => store.getState().redo(),
      copy: () => store.getState().copySelection(),
      paste: () => store.getState().paste(),
      selectAll: () => store.getState().select(store.getState().nodes.map((node) => node.uuid)),
      delete: deleteSelection,
      deselect: () => {
        store.getState().select([]);
        store.getState().selectEdges([]);
      },
      fitView: () => void reactFlow.fitView(FIT_VIEW),
      zoomIn: () => void reactFlow.zoomIn({ duration: 150 }),
      zoomOut: () => void reactFlow.zoomOut({ duration: 150 }),
      autoLayout: () => void autoLayout(),
    }),
    [store, reactFlow, deleteSelection, autoLayout],
  );

  return { commands, layingOut };
}
