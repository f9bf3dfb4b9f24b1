"use client";

import "@xyflow/react/dist/style.css";
import "@/components/canvas/canvas.css";
import { Background, BackgroundVariant, Controls, Handle, Position, ReactFlow, type NodeProps } from "@xyflow/react";
import { CircleCheck, CircleX, LoaderCircle } from "lucide-react";
import { createContext, memo, useContext, useMemo, useState } from "react";
import type { FlowEdge, StepNode } from "@/components/canvas/canvas-types";
import { CanvasIntegrationsProvider } from "@/components/canvas/canvas-integrations";
import { EdgeMarkers } from "@/components/canvas/edges/flow-edge";
import { BaseNode, BaseNodeContent, BaseNodeHeader, BaseNodeHeaderTitle } from "@/components/canvas/nodes/base-node";
import { NodeIcon } from "@/components/canvas/nodes/node-icon";
import { edgeTypes } from "@/components/canvas/node-types";
import type { RecordMetric, WorkflowNode } from "@/lib/contract";
import { createCanvasMapper, TARGET_HANDLE_ID } from "@/lib/workflow/to-canvas";
import { cn } from "@/lib/utils";

const MetricsContext = createContext<ReadonlyMap<string, RecordMetric>>(new Map());

// Module-level, as React Flow wants: a new object would re-mount every node.
const nodeTypes = { step: memo(BatchStepNode) };
const FIT_VIEW = { padding: 0.2, maxZoom: 1, minZoom: 0.2 };

/**
 * The batch's graph, read-only, each node with how many of the batch's records it succeeded and
 * failed on (and is still working on). Counts come from `records/metrics`, by node uuid.
 */
export function BatchGraph({ nodes, metrics }: { nodes: readonly WorkflowNode[]; metrics: readonly RecordMetric[] }) {
  // A mapper of its own, so polling recomputes nothing while the graph is the same.
  const [toCanvas] = useState(createCanvasMapper);
  const byUuid = useMemo(() => new Map(metrics.map((metric) => [metric.nodeUuid, metric])), [metrics]);
  const graph = useMemo(() => toCanvas(nodes), [toCanvas, nodes]);
  const flowNodes = useMemo(
    () => graph.nodes.map((node) => ({ ...node, ariaLabel: `${node.data.title}: ${countsLabel(byUuid.get(node.id))}` }) as unknown as StepNode),
    [graph.nodes, byUuid],
  );

  return (
    <MetricsContext.Provider value={byUuid}>
      <CanvasIntegrationsProvider>
        <div className="relay-canvas relative h-[420px] overflow-hidden rounded-lg border border-border" data-testid="batch-canvas">
          <EdgeMarkers />
          <ReactFlow<StepNode, FlowEdge>
            nodes={flowNodes}
            edges={graph.edges as FlowEdge[]}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={false}
            edgesFocusable={false}
            zoomOnScroll={false}
            preventScrolling={false}
            fitView
            fitViewOptions={FIT_VIEW}
            minZoom={0.1}
            maxZoom={2}
            attributionPosition="top-right"
            aria-label="Batch graph"
          >
            <Background variant={BackgroundVariant.Dots} gap={20} size={1.4} />
            <Controls position="bottom-left" showInteractive={false} />
          </ReactFlow>
        </div>
      </CanvasIntegrationsProvider>
    </MetricsContext.Provider>
  );
}

function countsLabel(metric: RecordMetric | undefined): string {
  if (!metric) return "not run yet";
  const going = metric.runningExecutionsCount + metric.pendingExecutionsCount;
  return [`${metric.successExecutionsCount} succeeded`, `${metric.errorExecutionsCount} failed`, ...(going ? [`${going} running`] : [])].join(", ");
}

/** A node of the batch's graph: the editor's look (icon, title, slug) with its counts on top. */
function BatchStepNode({ id, data }: NodeProps<StepNode>) {
  const metric = useContext(MetricsContext).get(id);
  const going = metric ? metric.runningExecutionsCount + metric.pendingExecutionsCount : 0;
  const failed = metric?.errorExecutionsCount ?? 0;
  const subtitle = data.integrationName ? `${data.actionName} · ${data.integrationName}` : data.actionName;
  return (
    <BaseNode className={cn("px-3 py-2.5", failed > 0 && "border-danger/50")}>
      {data.hasTarget && <Handle type="target" position={Position.Top} id={TARGET_HANDLE_ID} isConnectable={false} className="!opacity-0" />}
      <BaseNodeHeader className="w-full">
        <NodeIcon kind={data.kind} actionSlug={data.actionSlug} integrationSlug={data.integrationSlug} className="mt-0.5" />
        <div className="min-w-0 flex-1 pr-2">
          <BaseNodeHeaderTitle>{data.title}</BaseNodeHeaderTitle>
          <BaseNodeContent className="truncate">{subtitle}</BaseNodeContent>
          <BaseNodeContent className="truncate font-mono text-[11px] opacity-80">nodes.{data.slug}</BaseNodeContent>
        </div>
      </BaseNodeHeader>
      {data.slots.map((slot) => (
        <Handle key={slot.id} type="source" position={Position.Bottom} id={slot.id} isConnectable={false} className="!opacity-0" style={{ left: `${slot.offset * 100}%` }} />
      ))}
      {data.hasFallback && <Handle type="source" position={Position.Right} id="fallback" isConnectable={false} className="!opacity-0" />}
      <div
        data-testid={`node-counts-${data.slug}`}
        className="absolute -top-3 right-2 flex items-center gap-2 rounded-full border border-border bg-surface px-2 text-[11px] leading-5 font-medium tabular-nums shadow-xs"
      >
        <span className="flex items-center gap-0.5 text-success" title="Succeeded">
          <CircleCheck aria-hidden className="size-3" />
          {metric?.successExecutionsCount ?? 0}
          <span className="sr-only"> succeeded</span>
        </span>
        <span className={cn("flex items-center gap-0.5", failed > 0 ? "text-danger" : "text-fg-muted")} title="Failed">
          <CircleX aria-hidden className="size-3" />
          {failed}
          <span className="sr-only"> failed</span>
        </span>
        {going > 0 && (
          <span className="flex items-center gap-0.5 text-accent" title="Running or waiting">
            <LoaderCircle aria-hidden className="size-3 animate-spin" />
            {going}
            <span className="sr-only"> running</span>
          </span>
        )}
      </div>
    </BaseNode>
  );
}
