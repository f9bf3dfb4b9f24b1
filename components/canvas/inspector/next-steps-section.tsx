"use client";

import { useMemo } from "react";
import { Select } from "@/components/ui/select";
import type { WorkflowNode } from "@/lib/contract";
import type { ValidationCatalog } from "@/lib/workflow";
import { useEditor } from "../editor-context";
import { useSafeDispatch } from "../use-safe-dispatch";
import { InspectorField, InspectorSection } from "./inspector-section";
import { nextStepOperation, nextStepOptions, nextStepSlots, nodeOptionLabel } from "./next-steps";

const NOT_CONNECTED = "";

/**
 * Where the run goes after this node, one select per child slot and "On failure": the keyboard's
 * way to do what dragging between handles does on the canvas, through the same operations.
 */
export function NextStepsSection({ node, catalog }: { node: WorkflowNode; catalog: ValidationCatalog | undefined }) {
  const nodes = useEditor((state) => state.nodes);
  const dispatchSafely = useSafeDispatch();
  const slots = useMemo(() => nextStepSlots(node, catalog), [node, catalog]);
  const options = useMemo(() => nextStepOptions(nodes, node), [nodes, node]);
  if (slots.length === 0) {
    return (
      <InspectorSection id="inspector-next-steps" title="Next steps">
        <p className="text-sm text-fg-muted">Nothing comes after this node: the run ends here.</p>
      </InspectorSection>
    );
  }
  const known = new Set(options.map((option) => option.uuid));
  const anyLoops = options.some((option) => option.loops);

  return (
    <InspectorSection id="inspector-next-steps" title="Next steps">
      {slots.map((slot) => {
        const id = `inspector-next-${slot.handle}`;
        return (
          <InspectorField key={slot.handle} htmlFor={id} label={slot.label ? `${slot.label} → next step` : "Next step"}>
            <Select
              id={id}
              value={slot.targetUuid ?? NOT_CONNECTED}
              aria-describedby={anyLoops ? "inspector-next-steps-hint" : undefined}
              onChange={(event) => {
                const operation = nextStepOperation(node, slot, event.target.value || null);
                if (operation) dispatchSafely(operation);
              }}
            >
              <option value={NOT_CONNECTED}>Not connected</option>
              {options.map((option) => (
                <option key={option.uuid} value={option.uuid} disabled={option.loops}>
                  {option.loops ? `${option.label} · would loop back` : option.label}
                </option>
              ))}
              {slot.targetUuid && !known.has(slot.targetUuid) && <option value={slot.targetUuid}>{unlistedLabel(nodes, slot.targetUuid)}</option>}
            </Select>
          </InspectorField>
        );
      })}
      {anyLoops && (
        <p id="inspector-next-steps-hint" className="text-xs text-fg-muted">
          Nodes that already lead to this one are disabled: connecting them would make a loop.
        </p>
      )}
    </InspectorSection>
  );
}

/** What a slot shows when it leads somewhere no option offers: the node itself, the start node, or a uuid the graph lacks. */
function unlistedLabel(nodes: readonly WorkflowNode[], uuid: string): string {
  const target = nodes.find((candidate) => candidate.uuid === uuid);
  return target ? nodeOptionLabel(target) : "Missing node";
}
