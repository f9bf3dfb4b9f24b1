"use client";

import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import { cn } from "@/lib/utils";
import type { FlowEdge } from "../canvas-types";

/** The arrow head every edge ends in; defined once by the canvas (`<EdgeMarkers />`). */
export const ARROW_MARKER_ID = "relay-arrow";

/** Below the source handle, where a child edge's label reads as the handle's (Yes, No, a route). */
const LABEL_DROP = 20;

/**
 * A child or "On failure" edge: a rounded orthogonal path, with its label as a pill just under
 * its source handle (child edges) or at the midpoint (the failure edge).
 */
function FlowEdgeComponent({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected }: EdgeProps<FlowEdge>) {
  const [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 12, offset: 16 });
  const fallback = data?.kind === "fallback";
  const [x, y] = fallback || targetY - sourceY < LABEL_DROP * 2.5 ? [labelX, labelY] : [sourceX, sourceY + LABEL_DROP];
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={`url(#${ARROW_MARKER_ID})`}
        className={cn("relay-edge", fallback && "relay-edge-fallback", selected && "relay-edge-selected")}
        interactionWidth={16}
      />
      {data?.label && (
        <EdgeLabelRenderer>
          <div
            className={cn(
              "nodrag nopan pointer-events-none absolute rounded-full border px-2 text-[11px] leading-[18px] font-medium whitespace-nowrap shadow-xs",
              fallback ? "border-danger/30 bg-surface text-danger" : "border-border bg-surface text-fg-muted",
              selected && "border-accent text-accent",
            )}
            style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
            data-testid={`edge-label-${id}`}
          >
            {data.label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const FlowEdgeView = memo(FlowEdgeComponent);

/** SVG defs shared by every edge (the arrow head), rendered once inside the canvas. */
export function EdgeMarkers() {
  return (
    <svg aria-hidden className="pointer-events-none absolute size-0">
      <defs>
        <marker id={ARROW_MARKER_ID} viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 1 L 8 5 L 0 9 z" className="fill-[var(--relay-edge)]" />
        </marker>
      </defs>
    </svg>
  );
}
