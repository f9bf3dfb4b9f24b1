import { Handle, Position } from "@xyflow/react";
import type { CanvasSourceSlot } from "@/lib/workflow/to-canvas";
import { FALLBACK_HANDLE_ID, TARGET_HANDLE_ID } from "@/lib/workflow/to-canvas";

/** Where the incoming edge attaches: top centre. */
export function TargetHandle() {
  return <Handle type="target" position={Position.Top} id={TARGET_HANDLE_ID} className="relay-handle" aria-label="Input" />;
}

/**
 * One source handle per child slot, spread along the bottom edge where `lib/workflow/to-canvas`
 * put their boxes. A labelled slot (Yes/No, a route, a named child) shows its label under it while
 * it is free; once connected, its edge carries the label.
 */
export function SourceHandles({ slots }: { slots: CanvasSourceSlot[] }) {
  return slots.map((slot) => (
    <div key={slot.id}>
      <Handle
        type="source"
        position={Position.Bottom}
        id={slot.id}
        className="relay-handle"
        style={{ left: `${slot.offset * 100}%` }}
        aria-label={slot.label ?? "Next"}
        title={slot.label ? `${slot.label}: drag to a node to connect` : "Drag to a node to connect"}
        data-testid={`handle-${slot.id}`}
      />
      {slot.label && !slot.connected && (
        <span
          className="pointer-events-none absolute top-full mt-2 max-w-24 -translate-x-1/2 truncate rounded-md border border-border bg-surface px-1.5 text-[10px] leading-4 font-medium text-fg-muted shadow-xs"
          style={{ left: `${slot.offset * 100}%` }}
          aria-hidden
        >
          {slot.label}
        </span>
      )}
    </div>
  ));
}

/** The "On failure" connection point on the right edge (`fallbackChildUuid`); its label shows on hover until an edge carries it. */
export function FallbackHandle({ connected }: { connected: boolean }) {
  return (
    <>
      <Handle
        type="source"
        position={Position.Right}
        id={FALLBACK_HANDLE_ID}
        className="relay-handle relay-handle-fallback"
        aria-label="On failure"
        title="On failure: drag to the node to run when this one fails"
        data-testid="handle-fallback"
      />
      {!connected && (
        <span
          aria-hidden
          className="pointer-events-none absolute top-1/2 left-full ml-2.5 -translate-y-1/2 rounded-md px-1 text-[10px] leading-4 font-medium whitespace-nowrap text-danger opacity-0 transition-opacity group-hover:opacity-100 group-[.selected]:opacity-100"
        >
          On failure
        </span>
      )}
    </>
  );
}
