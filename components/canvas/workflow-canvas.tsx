"use client";

import "@xyflow/react/dist/style.css";
import "./canvas.css";
import {
  Background,
  BackgroundVariant,
  ConnectionLineType,
  Controls,
  Panel,
  ReactFlow,
  useReactFlow,
  type Connection,
  type FitViewOptions,
  type OnConnectEnd,
} from "@xyflow/react";
import { useCallback, useState, type DragEvent, type MouseEvent as ReactMouseEvent } from "react";
import type { WorkflowNode } from "@/lib/contract";
import { findStartNode, successorUuids, type ValidationCatalog } from "@/lib/workflow";
import { CANVAS_NODE_HEIGHT, CANVAS_NODE_WIDTH } from "@/lib/workflow/to-canvas";
import { connectOperation } from "./canvas-edits";
import { CanvasMiniMap } from "./canvas-mini-map";
import { CanvasNotice } from "./canvas-notice";
import type { FlowEdge, StepNode } from "./canvas-types";
import { useEditorStore } from "./editor-context";
import { EdgeMarkers } from "./edges/flow-edge";
import { edgeTypes, nodeTypes } from "./node-types";
import { PALETTE_ITEM_MIME, readPaletteItem } from "./palette/palette-drag";
import { useAddNode } from "./palette/use-add-node";
import { useCanvasElements } from "./use-canvas-elements";
import { useSafeDispatch } from "./use-safe-dispatch";

const MULTI_SELECT_KEYS = ["Shift", "Meta", "Control"];
const isValidConnection = (connection: Connection | FlowEdge) => connection.source !== connection.target;

/**
 * The React Flow canvas of the editor store's graph. Only nodes in view are rendered; every
 * gesture (drag, connect, drop from the palette) becomes one `lib/workflow` operation.
 * `data-canvas-ready` turns "true" once React Flow is initialised with the first nodes rendered.
 */
export function WorkflowCanvas({ catalog }: { catalog: ValidationCatalog | undefined }) {
  const store = useEditorStore();
  const { nodes, edges, graphNodes, selectedUuids, onNodesChange, onEdgesChange } = useCanvasElements(catalog);
  const dispatchSafely = useSafeDispatch();
  const addNode = useAddNode();
  const { screenToFlowPosition } = useReactFlow();
  const [fitViewOptions] = useState(() => initialFitView(store.getState().nodes));
  // React Flow calls onInit once its viewport is fitted and the visible nodes are committed.
  const [ready, setReady] = useState(false);

  const connect = useCallback(
    (sourceUuid: string, sourceHandle: string | null | undefined, targetUuid: string) => {
      const operation = connectOperation(sourceUuid, sourceHandle, targetUuid);
      if (operation) dispatchSafely(operation);
    },
    [dispatchSafely],
  );

  const onConnect = useCallback((connection: Connection) => connect(connection.source, connection.sourceHandle, connection.target), [connect]);

  // Dropping a connection anywhere on a node (not only on its input handle) connects to it.
  const onConnectEnd: OnConnectEnd = useCallback(
    (event, state) => {
      if (state.isValid || !state.fromNode || state.fromHandle?.type !== "source") return;
      const point = "changedTouches" in event ? event.changedTouches[0] : event;
      if (!point) return;
      const target = document.elementFromPoint(point.clientX, point.clientY)?.closest(".react-flow__node")?.getAttribute("data-id");
      if (target) connect(state.fromNode.id, state.fromHandle.id, target);
    },
    [connect],
  );

  // A plain click on one node of a multi-selection picks that node out, as design tools do; with
  // a modifier it toggles, as React Flow does. A drag moves the whole selection and is no click.
  const onNodeClick = useCallback(
    (event: ReactMouseEvent, node: StepNode) => {
      if (event.shiftKey || event.ctrlKey || event.metaKey) return;
      if (store.getState().selectedUuids.length > 1) store.getState().select([node.id]);
    },
    [store],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_ITEM_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const entry = readPaletteItem(event.dataTransfer);
      if (!entry) return;
      event.preventDefault();
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addNode(entry, { x: point.x - CANVAS_NODE_WIDTH / 2, y: point.y - CANVAS_NODE_HEIGHT / 2 });
    },
    [addNode, screenToFlowPosition],
  );

  return (
    <div className="relay-canvas relative size-full" data-testid="workflow-canvas" data-canvas-ready={ready ? "true" : "false"} onDragOver={onDragOver} onDrop={onDrop}>
      <EdgeMarkers />
      <ReactFlow<StepNode, FlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onNodeClick={onNodeClick}
        isValidConnection={isValidConnection}
        onInit={() => setReady(true)}
        onlyRenderVisibleElements
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.1}
        maxZoom={2}
        // Arranging nodes leaves the selection (and the inspector) alone; a click selects.
        selectNodesOnDrag={false}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        connectionRadius={28}
        connectionLineType={ConnectionLineType.SmoothStep}
        elevateEdgesOnSelect
        attributionPosition="top-right"
        aria-label="Workflow canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.4} />
        <Controls position="bottom-left" showFitView={false} showInteractive={false} />
        <CanvasMiniMap nodes={graphNodes} selectedUuids={selectedUuids} />
        <Panel position="bottom-center">
          <CanvasNotice />
        </Panel>
      </ReactFlow>
    </div>
  );
}

/**
 * The first view: the whole graph when it is small, else the start node and what follows it
 * (about a screenful), so a 1000-node workflow opens readable at its beginning.
 */
function initialFitView(nodes: readonly WorkflowNode[]): FitViewOptions {
  const options = { padding: 0.2, maxZoom: 1, minZoom: 0.3 };
  if (nodes.length <= 24) return options;
  const byUuid = new Map(nodes.map((node) => [node.uuid, node]));
  const first: string[] = [];
  const queue = [findStartNode(nodes) ?? nodes[0]!];
  const seen = new Set<string>();
  while (queue.length > 0 && first.length < 12) {
    const node = queue.shift()!;
    if (seen.has(node.uuid)) continue;
    seen.add(node.uuid);
    first.push(node.uuid);
    for (const uuid of successorUuids(node)) if (byUuid.has(uuid)) queue.push(byUuid.get(uuid)!);
  }
  return { ...options, nodes: first.map((id) => ({ id })) };
}
