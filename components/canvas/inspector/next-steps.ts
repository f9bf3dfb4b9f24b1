import type { WorkflowNode } from "@/lib/contract";
import { upstreamUuids, type ValidationCatalog, type WorkflowOperation } from "@/lib/workflow";
import { childHandleId, childLabels, FALLBACK_HANDLE_ID, hasFallbackHandle, hasTargetHandle } from "@/lib/workflow/to-canvas";
import { connectOperation, disconnectOperation } from "../canvas-edits";

/** One of a node's outgoing connection points, as the inspector lists it: the canvas handle it stands for and where it leads. */
export interface NextStepSlot {
  /** The canvas handle id: `child-<i>` or `fallback`. */
  handle: string;
  /** "Yes", a route's name, "On failure"…; null for a node's one unnamed slot. */
  label: string | null;
  targetUuid: string | null;
}

/** A node a slot can lead to; `loops` when connecting it would make a cycle. */
export interface NextStepOption {
  uuid: string;
  label: string;
  loops: boolean;
}

/**
 * The node's child slots, labelled as the canvas labels its handles, then "On failure" where the
 * canvas draws that handle (or an edge still leaves it). Unnamed slots of a node with several are
 * numbered so each has a name of its own.
 */
export function nextStepSlots(node: WorkflowNode, catalog: Pick<ValidationCatalog, "integrations"> | undefined): NextStepSlot[] {
  const labels = childLabels(node, catalog);
  const slots: NextStepSlot[] = node.childrenUuids.map((targetUuid, index) => ({
    handle: childHandleId(index),
    label: labels[index] ?? (labels.length > 1 ? `Path ${index + 1}` : null),
    targetUuid,
  }));
  if (hasFallbackHandle(node) || node.fallbackChildUuid) {
    slots.push({ handle: FALLBACK_HANDLE_ID, label: "On failure", targetUuid: node.fallbackChildUuid ?? null });
  }
  return slots;
}

/**
 * Every node the given one can lead to, in graph order: not itself, not a node nothing may lead
 * into (the start node), and marked `loops` when it already leads back to the node.
 */
export function nextStepOptions(nodes: readonly WorkflowNode[], node: WorkflowNode): NextStepOption[] {
  const upstream = upstreamUuids(nodes, node.uuid);
  return nodes
    .filter((other) => other.uuid !== node.uuid && hasTargetHandle(other))
    .map((other) => ({ uuid: other.uuid, label: nodeOptionLabel(other), loops: upstream.has(other.uuid) }));
}

/** "Name (slug)", or the slug alone for a node without a name. */
export function nodeOptionLabel(node: Pick<WorkflowNode, "name" | "slug">): string {
  return node.name?.trim() ? `${node.name.trim()} (${node.slug})` : node.slug;
}

/** The operation a choice in a slot's select makes: the canvas's connect for a node, its disconnect for none; null when nothing changes. */
export function nextStepOperation(node: WorkflowNode, slot: NextStepSlot, targetUuid: string | null): WorkflowOperation | null {
  if (targetUuid === slot.targetUuid) return null;
  return targetUuid === null ? disconnectOperation(node.uuid, slot.handle) : connectOperation(node.uuid, slot.handle, targetUuid);
}
