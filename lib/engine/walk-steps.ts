import type { Execution, WorkflowNode } from "@/lib/contract";
import { PermanentNodeError, RunLimitError } from "./errors";
import { FLOW_STEPS, type StepResult } from "./flow-steps";
import { MAX_EXECUTIONS_PER_RUN } from "./limits";
import type { RunState } from "./ports";

/** Whether a node is the graph's `start` (or `end`) built-in. */
export const isAction = (node: WorkflowNode, actionSlug: string) => node.kind === "native" && node.actionSlug === actionSlug;

/** A node's execution as it begins: `running`, no calls yet. */
export function newExecution(node: WorkflowNode, at: string): Execution {
  return {
    nodeUuid: node.uuid,
    nodeSlug: node.slug,
    nodeKind: node.kind,
    nodeActionSlug: node.actionSlug,
    nodeChildIndex: null,
    nextNodeUuid: null,
    status: "running",
    errorMessage: null,
    title: "Running",
    attempts: 0,
    startedAt: at,
    finishedAt: null,
  };
}

/**
 * Whether a node is a flow step (start, end, variables, filter, branch, switch, split): no IO,
 * done in microseconds, so re-running it after a crash is harmless and the walk saves it with
 * the next node's save rather than around it.
 */
export const isFlowStep = (node: WorkflowNode) => node.kind === "native" && Object.hasOwn(FLOW_STEPS, node.actionSlug);

/** Records a node's execution in the run; throws RunLimitError once the run has MAX_EXECUTIONS_PER_RUN. */
export function appendExecution(state: RunState, execution: Execution): Execution {
  if (state.run.executions.length >= MAX_EXECUTIONS_PER_RUN) {
    throw new RunLimitError(`The run reached ${MAX_EXECUTIONS_PER_RUN.toLocaleString("en-US")} node executions, the most one run may have`);
  }
  state.run.executions.push(execution);
  return execution;
}

/** Marks the execution successful and answers the node to continue to (null: this path ends). */
export function completeExecution(node: WorkflowNode, execution: Execution, result: StepResult, at: string): string | null {
  if (result.childIndex !== null && (result.childIndex < 0 || result.childIndex >= node.childrenUuids.length)) {
    throw new PermanentNodeError(`${node.slug} chose child ${result.childIndex}, but the node has ${node.childrenUuids.length}`);
  }
  const next = result.childIndex === null ? null : (node.childrenUuids[result.childIndex] ?? null);
  Object.assign(execution, {
    status: "success",
    title: result.title,
    nodeChildIndex: result.childIndex,
    nextNodeUuid: next,
    finishedAt: at,
  } satisfies Partial<Execution>);
  return next;
}

/**
 * Marks the execution failed and answers where the walk goes on: the fallback child (or null when
 * that slot is empty), or undefined when the node has no fallback and the walk fails with it.
 * `final` (a cap of the whole run was hit) takes no fallback.
 */
export function failExecution(node: WorkflowNode, execution: Execution, message: string, at: string, { final = false } = {}): string | null | undefined {
  const fallback = final ? undefined : (node.fallbackChildUuid ?? (node.fallbackOnFailure ? (node.childrenUuids[0] ?? null) : undefined));
  Object.assign(execution, {
    status: "error",
    errorMessage: message,
    title: "Failed",
    nodeChildIndex: fallback === undefined || node.fallbackChildUuid || !node.fallbackOnFailure ? null : 0,
    nextNodeUuid: fallback ?? null,
    finishedAt: at,
  } satisfies Partial<Execution>);
  return fallback;
}

/** The top-level node's execution still `running` (started and not ended), if any: where a resumed walk picks up. */
export function openExecutionOf(state: RunState, nodeUuid: string): Execution | undefined {
  return state.run.executions.find((entry) => entry.nodeUuid === nodeUuid && entry.status === "running" && entry.groupNodeUuid === undefined);
}
