"use client";

import { MousePointerClick } from "lucide-react";
import { useEditor } from "../editor-context";
import { NodeInspector } from "./node-inspector";

/** The inspector of the single selected node; says what to do when none, or several, are selected. */
export function InspectorPanel() {
  const count = useEditor((state) => state.selectedUuids.length);
  const node = useEditor((state) => (state.selectedUuids.length === 1 ? state.nodes.find((candidate) => candidate.uuid === state.selectedUuids[0]) : undefined));

  return (
    <aside aria-label="Inspector" className="flex h-full min-h-0 flex-col bg-surface">
      {node ? (
        <NodeInspector key={node.uuid} node={node} />
      ) : (
        <div className="flex flex-1 flex-col items-center justify-center gap-3 px-6 py-16 text-center">
          <div className="rounded-full bg-surface-muted p-3 text-fg-muted">
            <MousePointerClick aria-hidden className="size-5" />
          </div>
          <p className="text-sm font-medium">{count > 1 ? `${count} nodes selected` : "Select a node to edit it"}</p>
          <p className="max-w-56 text-xs text-fg-muted">
            {count > 1 ? "Select a single node to see its settings." : "Its name, connector, configuration, next steps and failure settings show here."}
          </p>
        </div>
      )}
    </aside>
  );
}
