"use client";

import { Panel, useReactFlow, useStore, type ReactFlowState } from "@xyflow/react";
import { memo, useMemo, useRef, type PointerEvent, type WheelEvent } from "react";
import type { CanvasNode } from "@/lib/workflow/to-canvas";

const WIDTH = 200;
const HEIGHT = 140;
const PADDING = 80;

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const viewportSelector = (state: ReactFlowState): Rect => ({
  x: -state.transform[0] / state.transform[2],
  y: -state.transform[1] / state.transform[2],
  width: state.width / state.transform[2],
  height: state.height / state.transform[2],
});
const sameRect = (a: Rect, b: Rect) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/**
 * An overview of the whole graph with the visible area outlined; click or drag in it to move the
 * view there, scroll to zoom. Every node is one sub-path of a single SVG path (React Flow's
 * MiniMap renders and subscribes one element per node, which dominates opening a 1000-node graph).
 */
export const CanvasMiniMap = memo(function CanvasMiniMap({ nodes, selectedUuids }: { nodes: readonly CanvasNode[]; selectedUuids: readonly string[] }) {
  const { setCenter, getZoom, zoomTo } = useReactFlow();
  const viewport = useStore(viewportSelector, sameRect);
  const svg = useRef<SVGSVGElement>(null);

  const { path, bounds } = useMemo(() => outline(nodes), [nodes]);
  const selectedPath = useMemo(() => {
    if (selectedUuids.length === 0) return "";
    const selected = new Set(selectedUuids);
    return outline(nodes.filter((node) => selected.has(node.id))).path;
  }, [nodes, selectedUuids]);

  const box = union(bounds ?? viewport, viewport);
  const scale = Math.max((box.width + PADDING * 2) / WIDTH, (box.height + PADDING * 2) / HEIGHT);
  const view = {
    x: box.x + box.width / 2 - (WIDTH * scale) / 2,
    y: box.y + box.height / 2 - (HEIGHT * scale) / 2,
    width: WIDTH * scale,
    height: HEIGHT * scale,
  };

  const moveTo = (event: PointerEvent<SVGSVGElement>) => {
    const rect = svg.current?.getBoundingClientRect();
    if (!rect) return;
    const x = view.x + ((event.clientX - rect.left) / rect.width) * view.width;
    const y = view.y + ((event.clientY - rect.top) / rect.height) * view.height;
    void setCenter(x, y, { zoom: getZoom() });
  };

  return (
    <Panel position="bottom-right" className="relay-minimap">
      <svg
        ref={svg}
        width={WIDTH}
        height={HEIGHT}
        viewBox={`${view.x} ${view.y} ${view.width} ${view.height}`}
        role="img"
        aria-label="Mini map"
        className="block cursor-pointer touch-none"
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          moveTo(event);
        }}
        onPointerMove={(event) => event.buttons === 1 && moveTo(event)}
        onWheel={(event: WheelEvent<SVGSVGElement>) => void zoomTo(getZoom() * (event.deltaY < 0 ? 1.2 : 1 / 1.2))}
      >
        {/* The non-scaling stroke keeps every node at least a pixel wide when a huge graph shrinks to fit. */}
        <path d={path} className="relay-minimap-nodes" vectorEffect="non-scaling-stroke" strokeWidth={1} />
        {selectedPath && <path d={selectedPath} className="relay-minimap-selected" vectorEffect="non-scaling-stroke" strokeWidth={1} />}
        <path
          d={`M${view.x - view.width},${view.y - view.height}h${view.width * 3}v${view.height * 3}h${-view.width * 3}z M${viewport.x},${viewport.y}h${viewport.width}v${viewport.height}h${-viewport.width}z`}
          fillRule="evenodd"
          className="relay-minimap-mask"
          vectorEffect="non-scaling-stroke"
          strokeWidth={1.5}
          pointerEvents="none"
        />
      </svg>
    </Panel>
  );
});

/** One SVG path with a rectangle per node, and the nodes' bounds (null without nodes). */
function outline(nodes: readonly CanvasNode[]): { path: string; bounds: Rect | null } {
  if (nodes.length === 0) return { path: "", bounds: null };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const parts: string[] = [];
  for (const { position, width, height } of nodes) {
    parts.push(`M${position.x},${position.y}h${width}v${height}h${-width}z`);
    minX = Math.min(minX, position.x);
    minY = Math.min(minY, position.y);
    maxX = Math.max(maxX, position.x + width);
    maxY = Math.max(maxY, position.y + height);
  }
  return { path: parts.join(""), bounds: { x: minX, y: minY, width: maxX - minX, height: maxY - minY } };
}

function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}
