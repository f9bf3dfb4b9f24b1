import type { RunState } from "./ports";

/** Outputs by node slug, as expressions (`nodes.<slug>`) and the API's `runContext` see them. */
export function contextBySlug(state: Pick<RunState, "run" | "outputs">): Record<string, unknown> {
  return bySlug(state, state.outputs);
}

/** Computed configs by node slug, for the API's `runComputedConfigs`. */
export function computedConfigsBySlug(state: Pick<RunState, "run" | "computedConfigs">): Record<string, unknown> {
  return bySlug(state, state.computedConfigs);
}

// Slugs may repeat in imported graphs; the node executed last wins, as it would in Cargo. Nodes
// inside a group are not part of the run's context: the group's output holds what they produced.
function bySlug(state: Pick<RunState, "run">, byUuid: Record<string, unknown>): Record<string, unknown> {
  const slugs = new Map(state.run.nodes.map((node) => [node.uuid, node.slug]));
  const result: Record<string, unknown> = {};
  for (const execution of state.run.executions) {
    if (execution.groupNodeUuid !== undefined) continue;
    const slug = slugs.get(execution.nodeUuid) ?? execution.nodeSlug;
    if (Object.hasOwn(byUuid, execution.nodeUuid)) result[slug] = byUuid[execution.nodeUuid];
  }
  return result;
}
