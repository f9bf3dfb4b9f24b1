import type { Execution, WorkflowNode } from "@/lib/contract";
import { callAction, withRetries, type AttemptControl } from "./action-attempts";
import { delayEndsAt, delayMinutes, INLINE_DELAY_MAX_MS } from "./delay";
import { errorMessageOf, PermanentNodeError } from "./errors";
import { FLOW_STEPS, type StepResult } from "./flow-steps";
import { createGroupSystem } from "./group-system";
import { PARKED, type NodeScope, type RunHandle } from "./node-scope";
import type { ActionCall, EngineDeps } from "./ports";
import { assertStorable } from "./storable";
import { isAction } from "./walk-steps";

/**
 * Executes one node of any kind (flow step, delay, group, action) with its retry policy, and
 * refuses an output or computed config the run could not store (limits.ts).
 */
export function createNodeSystem(deps: EngineDeps) {
  const groups = createGroupSystem(deps, { runNode });

  async function runNode(run: RunHandle, scope: NodeScope, node: WorkflowNode, execution: Execution, signal: AbortSignal): Promise<StepResult | typeof PARKED> {
    const result = await executeNode(run, scope, node, execution, signal);
    if (result !== PARKED) assertStorable("The output", result.output);
    return result;
  }

  async function executeNode(run: RunHandle, scope: NodeScope, node: WorkflowNode, execution: Execution, signal: AbortSignal): Promise<StepResult | typeof PARKED> {
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
      if (node.actionSlug === "group") {
        return withRetries(() => groups.runGroup(run, scope, node, config, execution, signal), node.retry, control(run, node, signal));
      }
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
    const answer = await callAction(
      () => deps.actions.execute(call),
      { retry: node.retry ?? policies.retry, executing: policies.executing },
      { ...control(run, node, signal), onCall: () => (execution.attempts += 1) },
    );
    return { output: answer.data, childIndex: answer.childIndex ?? 0, title: answer.title ?? "Executed" };
  }

  function control(run: RunHandle, node: WorkflowNode, signal: AbortSignal): AttemptControl {
    return {
      clock: deps.clock,
      signal,
      onRetry: (attempt) => deps.logger?.warn("node attempt failed, retrying", { runUuid: run.state.run.uuid, nodeSlug: node.slug, attempt }),
    };
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
    let computed: Record<string, unknown>;
    try {
      computed = await deps.expressions.evaluateConfig(config, scope.globals());
    } catch (error) {
      const path = (error as { path?: unknown }).path;
      const where = typeof path === "string" && path ? `Config field ${path}: ` : "";
      throw new PermanentNodeError(`${where}${errorMessageOf(error)}`, { cause: error });
    }
    assertStorable("The computed config", computed);
    return computed;
  }

  return { runNode };
}

export type NodeSystem = ReturnType<typeof createNodeSystem>;
