import type { Execution, WorkflowNode } from "@/lib/contract";
import type { StepResult } from "./flow-steps";
import type { ExpressionGlobals, RunState } from "./ports";

/**
 * The types the node system and the group system share: a group runs nodes, and a node may be
 * a group, so neither file imports the other's module for them.
 */

/** What a node answers when the run parks on it (a long delay) instead of finishing it now. */
export const PARKED = Symbol("parked");

/** The run a node executes in: its state (executions are appended to it) and a progress save. */
export interface RunHandle {
  state: RunState;
  /** Saves the state if the last save is a while ago; throws RunCancelledError when the run was cancelled. */
  checkpoint(): Promise<void>;
}

/** One graph level a node runs in: the run's graph, or one item of a group's sub-graph. */
export interface NodeScope {
  /** The start node's output: the run's data, or the group's item. */
  startOutput: Record<string, unknown>;
  /** What this level's expressions read. */
  globals(): ExpressionGlobals;
  /** Computed configs of this level, by node uuid (read back by a woken delay). */
  computedConfigs: Record<string, unknown>;
  /** Idempotency-Keys are `<keyPrefix>:<nodeUuid>`: the run uuid, plus `:<groupUuid>:<item>` per group level. */
  keyPrefix: string;
  /** Top level only: a long delay parks the run instead of sleeping with its queue slot. */
  mayPark: boolean;
  /** Marks the executions of this level (a group's item). */
  executionTags?: Pick<Execution, "groupNodeUuid" | "itemIndex">;
  /** Inside a group: the item walks of the top-level group so far, nested groups' included (MAX_GROUP_ITEM_WALKS). */
  itemWalks?: { count: number };
}

/** Executes one node of any kind; what the group system is given to run its sub-graph's nodes. */
export type RunNode = (run: RunHandle, scope: NodeScope, node: WorkflowNode, execution: Execution, signal: AbortSignal) => Promise<StepResult | typeof PARKED>;
