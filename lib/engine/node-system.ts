import type { Execution, NodeRetryPolicy, WorkflowNode } from "@/lib/contract";
import { delayEndsAt, delayMinutes, INLINE_DELAY_MAX_MS } from "./delay";
import { errorMessageOf, isRetryable, PermanentNodeError } from "./errors";
import { FLOW_STEPS, type StepResult } from "./flow-steps";
import { createGroupSystem } from "./group-system";
import type { ActionCall, EngineDeps, ExpressionGlobals, RunState } from "./ports";
import { DEFAULT_EXECUTING_POLICY, delayAfter, mayRetry, NO_RETRY, withDefaults } from "./retry-policy";
import { isAction } from "./walk-steps";

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
}

/** Executes one node of any kind (flow step, delay, group, action) with its retry policy. */
export function createNodeSystem(deps: EngineDeps) {
  const groups = createGroupSystem(deps, { runNode });

  async function runNode(run: RunHandle, scope: NodeScope, node: WorkflowNode, execution: Execution, signal: AbortSignal): Promise<StepResult | typeof PARKED> {
    if (isAction(node, "start")) {
      execution.attempts = 1;
      scope.computedConfigs[node.uuid] = {};
      return FLOW_STEPS.start!({ config: {}, data: scope.startOutput, random: deps.random });
    }
    // A delay woken from parking keeps the config its wake time was computed from.
    const resumedDelay = isAction(node, "delay") && scope.computedConfigs[node.uuid];
    const config = resumedDelay ? (resumedDelay as Record<string, unknown>) : await computeConfig(scope, node);
    scope.computedConfigs[node.uuid] = config;

    if (node.kind === "native") {
      const flowStep = FLOW_STEPS[node.actionSlug];
      if (flowStep) {
        execution.attempts = 1;
        return flowStep({ config, data: scope.startOutput, random: deps.random });
      }
      if (node.actionSlug === "delay") return delay(scope, config, execution, signal);
      if (node.actionSlug === "group") return withRetry(run, node, signal, () => groups.runGroup(run, scope, node, config, execution, signal));
      if (!deps.actions.runsNative(node.actionSlug)) throw new PermanentNodeError(`There is no built-in action "${node.actionSlug}"`);
    } else if (!node.connectorUuid) {
      throw new PermanentNodeError("No connector is chosen for this node");
    }
    const base = { workspaceUuid: run.state.run.workspaceUuid, runUuid: run.state.run.uuid, actionSlug: node.actionSlug, config, idempotencyKey: `${scope.keyPrefix}:${node.uuid}`, signal };
    const call: ActionCall =
      node.kind === "native"
        ? { kind: "native", ...base }
        : { kind: "connector", ...base, integrationSlug: node.integrationSlug, connectorUuid: node.connectorUuid! };
    const policies = await deps.actions.policies({
      kind: node.kind,
      workspaceUuid: run.state.run.workspaceUuid,
      actionSlug: node.actionSlug,
      integrationSlug: node.kind === "connector" ? node.integrationSlug : undefined,
    });
    const executing = withDefaults(policies.executing, DEFAULT_EXECUTING_POLICY);
    return withRetry(run, node, signal, async () => {
      const answer = await callUntilExecuted(call, executing, execution, signal);
      return { output: answer.data, childIndex: answer.childIndex ?? 0, title: answer.title ?? "Executed" };
    }, policies.retry);
  }

  /** Runs `attempt` again on the node's `retry` (else the action's) while it fails in a way that may change. */
  async function withRetry<T>(run: RunHandle, node: WorkflowNode, signal: AbortSignal, attempt: () => Promise<T>, actionRetry?: Partial<NodeRetryPolicy>): Promise<T> {
    const retry = withDefaults(node.retry ?? actionRetry, NO_RETRY);
    for (let count = 1; ; count++) {
      try {
        return await attempt();
      } catch (error) {
        if (signal.aborted || !isRetryable(error) || !mayRetry(retry, count)) throw error;
        deps.logger?.warn("node attempt failed, retrying", { runUuid: run.state.run.uuid, nodeSlug: node.slug, attempt: count });
        await deps.clock.sleep(delayAfter(retry, count), signal);
      }
    }
  }

  async function callUntilExecuted(call: ActionCall, policy: NodeRetryPolicy, execution: Execution, signal: AbortSignal) {
    for (let poll = 1; ; poll++) {
      execution.attempts += 1;
      const answer = await deps.actions.execute(call);
      if (answer.outcome === "executed") return answer;
      if (!mayRetry(policy, poll)) throw new Error(`The action was still executing after ${poll} calls`);
      await deps.clock.sleep(delayAfter(policy, poll), signal);
    }
  }

  async function delay(scope: NodeScope, config: Record<string, unknown>, execution: Execution, signal: AbortSignal): Promise<StepResult | typeof PARKED> {
    const minutes = delayMinutes(config);
    execution.attempts = 1;
    const remaining = delayEndsAt(execution, minutes) - deps.clock.now().getTime();
    if (remaining > INLINE_DELAY_MAX_MS && scope.mayPark) return PARKED;
    if (remaining > 0) await deps.clock.sleep(remaining, signal);
    return { output: { minutes }, childIndex: 0, title: `Waited ${minutes} min` };
  }

  async function computeConfig(scope: NodeScope, node: WorkflowNode): Promise<Record<string, unknown>> {
    // A group's sub-graph is not this level's to compute: its expressions run per item.
    const config = isAction(node, "group") ? Object.fromEntries(Object.entries(node.config).filter(([key]) => key !== "_nodes")) : node.config;
    try {
      return await deps.expressions.evaluateConfig(config, scope.globals());
    } catch (error) {
      const path = (error as { path?: unknown }).path;
      const where = typeof path === "string" && path ? `Config field ${path}: ` : "";
      throw new PermanentNodeError(`${where}${errorMessageOf(error)}`, { cause: error });
    }
  }

  return { runNode };
}

export type NodeSystem = ReturnType<typeof createNodeSystem>;
