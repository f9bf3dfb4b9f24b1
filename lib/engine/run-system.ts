import type { Execution, NodeRetryPolicy, WorkflowNode } from "@/lib/contract";
import { errorMessageOf, isRetryable, PermanentNodeError } from "./errors";
import { FLOW_STEPS, type StepResult } from "./flow-steps";
import type { ActionCall, EngineDeps, RunState } from "./ports";
import { DEFAULT_EXECUTING_POLICY, delayAfter, mayRetry, NO_RETRY, withDefaults } from "./retry-policy";
import { delayEndsAt, delayMinutes, INLINE_DELAY_MAX_MS, wakeTimeOf } from "./delay";
import { contextBySlug } from "./run-context";
import { isTerminalRunStatus } from "./statuses";

export interface CreateRunInput {
  workspaceUuid: string;
  workflowUuid: string | null;
  nodes: WorkflowNode[];
  data: Record<string, unknown>;
}

/** What a node answers when the run parks on it (a long delay) instead of finishing it now. */
const PARKED = Symbol("parked");

/**
 * Creates and executes runs. A run walks from `start`, one child per node; its state is saved
 * before and after every node, so `executeRun` on an unfinished run resumes where it stopped.
 * A node interrupted mid-call is called again with the same Idempotency-Key
 * (`<runUuid>:<nodeUuid>`), so an integration that honours the key does the work once.
 * A long `delay` parks the run: `executeRun` returns it still `running`, and `waitUntilDue`
 * (called by the queue without a slot) sleeps until the delay is over.
 */
export function createRunSystem(deps: EngineDeps) {
  const inFlight = new Map<string, AbortController>();
  const now = () => deps.clock.now().toISOString();

  async function createRun(input: CreateRunInput): Promise<RunState> {
    const at = now();
    const start = input.nodes.find((node) => node.kind === "native" && node.actionSlug === "start");
    const state: RunState = {
      run: {
        uuid: deps.ids.uuid(),
        workspaceUuid: input.workspaceUuid,
        workflowUuid: input.workflowUuid,
        nodes: input.nodes,
        data: input.data,
        status: "pending",
        errorMessage: null,
        output: null,
        executions: [],
        createdAt: at,
        updatedAt: at,
        finishedAt: null,
      },
      outputs: {},
      computedConfigs: {},
      cursorNodeUuid: start?.uuid ?? null,
    };
    await deps.store.create(state);
    return state;
  }

  /** Runs (or resumes) a run to its end. Returns the final state; never throws for a node failure. */
  async function executeRun(workspaceUuid: string, runUuid: string): Promise<RunState> {
    const loaded = await deps.store.load(workspaceUuid, runUuid);
    if (!loaded) throw new Error(`Run ${runUuid} does not exist`);
    if (isTerminalRunStatus(loaded.run.status)) return loaded;
    const controller = new AbortController();
    inFlight.set(runUuid, controller);
    try {
      return await walk(loaded, controller.signal);
    } finally {
      inFlight.delete(runUuid);
    }
  }

  /**
   * Waits, outside any queue slot, until a run parked on a delay is due. Resolves null when the
   * run should be executed (now), or its final state when it has finished or is cancelled
   * meanwhile (the delay's execution is then marked cancelled).
   */
  async function waitUntilDue(workspaceUuid: string, runUuid: string): Promise<RunState | null> {
    // Registered before the load: a cancel either finds this controller or is seen by the load.
    const controller = new AbortController();
    inFlight.set(runUuid, controller);
    try {
      const state = await deps.store.load(workspaceUuid, runUuid);
      if (!state) throw new Error(`Run ${runUuid} does not exist`);
      if (state.run.status === "cancelled") return settleCancelled(workspaceUuid, runUuid);
      if (isTerminalRunStatus(state.run.status)) return state;
      const wakeAt = wakeTimeOf(state);
      if (wakeAt !== null && wakeAt > deps.clock.now().getTime()) await deps.clock.sleep(wakeAt - deps.clock.now().getTime(), controller.signal);
      return null;
    } catch (error) {
      if (controller.signal.aborted) return settleCancelled(workspaceUuid, runUuid);
      throw error;
    } finally {
      inFlight.delete(runUuid);
    }
  }

  /** Cancels runs that have not finished; a node in the middle of a call, or a parked delay, is aborted. */
  async function cancelRuns(workspaceUuid: string, runUuids: string[]): Promise<string[]> {
    const changed = await deps.store.cancel(workspaceUuid, runUuids, now());
    for (const uuid of changed) inFlight.get(uuid)?.abort(new Error("The run was cancelled"));
    return changed;
  }

  async function save(state: RunState): Promise<boolean> {
    state.run.updatedAt = now();
    return (await deps.store.save(state)) !== false;
  }

  async function walk(state: RunState, signal: AbortSignal): Promise<RunState> {
    const nodes = new Map(state.run.nodes.map((node) => [node.uuid, node]));
    if (state.run.status === "pending") {
      state.run.status = "running";
      if (!state.cursorNodeUuid) return finish(state, "error", 'The graph has no start node (slug "start", action "start")');
      if (!(await save(state))) return settleCancelled(state.run.workspaceUuid, state.run.uuid);
    }
    while (state.cursorNodeUuid) {
      if (signal.aborted) return settleCancelled(state.run.workspaceUuid, state.run.uuid);
      const node = nodes.get(state.cursorNodeUuid);
      if (!node) return finish(state, "error", `Node ${state.cursorNodeUuid} is not in the graph`);
      let execution = state.run.executions.find((entry) => entry.nodeUuid === node.uuid && entry.status === "running");
      if (!execution) {
        execution = newExecution(node, now());
        state.run.executions.push(execution);
        if (!(await save(state))) return settleCancelled(state.run.workspaceUuid, state.run.uuid);
      }
      try {
        const result = await runNode(state, node, execution, signal);
        if (result === PARKED) {
          if (!(await save(state))) return settleCancelled(state.run.workspaceUuid, state.run.uuid);
          return state;
        }
        succeed(state, node, execution, result);
      } catch (error) {
        if (signal.aborted) return settleCancelled(state.run.workspaceUuid, state.run.uuid);
        fail(state, node, execution, errorMessageOf(error));
      }
      if (state.run.status === "error") return finish(state, "error", state.run.errorMessage ?? "The run failed");
      if (!(await save(state))) return settleCancelled(state.run.workspaceUuid, state.run.uuid);
    }
    return finish(state, "success", null);
  }

  function succeed(state: RunState, node: WorkflowNode, execution: Execution, result: StepResult) {
    if (result.childIndex !== null && (result.childIndex < 0 || result.childIndex >= node.childrenUuids.length)) {
      throw new PermanentNodeError(`${node.slug} chose child ${result.childIndex}, but the node has ${node.childrenUuids.length}`);
    }
    const next = result.childIndex === null ? null : (node.childrenUuids[result.childIndex] ?? null);
    state.outputs[node.uuid] = result.output;
    Object.assign(execution, {
      status: "success",
      title: result.title,
      nodeChildIndex: result.childIndex,
      nextNodeUuid: next,
      finishedAt: now(),
    } satisfies Partial<Execution>);
    if (node.kind === "native" && node.actionSlug === "end") state.run.output = result.output as Record<string, unknown>;
    state.cursorNodeUuid = next;
  }

  function fail(state: RunState, node: WorkflowNode, execution: Execution, message: string) {
    const fallback = node.fallbackChildUuid ?? (node.fallbackOnFailure ? (node.childrenUuids[0] ?? null) : undefined);
    Object.assign(execution, {
      status: "error",
      errorMessage: message,
      title: "Failed",
      nodeChildIndex: node.fallbackChildUuid || !node.fallbackOnFailure ? null : 0,
      nextNodeUuid: fallback ?? null,
      finishedAt: now(),
    } satisfies Partial<Execution>);
    if (fallback === undefined) {
      state.run.status = "error";
      state.run.errorMessage = `${node.name ?? node.slug}: ${message}`;
      state.cursorNodeUuid = null;
      return;
    }
    // The fallback path can read what went wrong as nodes.<slug>.error.
    state.outputs[node.uuid] = { error: message };
    state.cursorNodeUuid = fallback;
  }

  async function finish(state: RunState, status: "success" | "error", errorMessage: string | null): Promise<RunState> {
    Object.assign(state.run, { status, errorMessage, finishedAt: now() });
    state.cursorNodeUuid = null;
    if (!(await save(state))) return settleCancelled(state.run.workspaceUuid, state.run.uuid);
    return state;
  }

  /** The store says cancelled: mark the node that was running as cancelled too. */
  async function settleCancelled(workspaceUuid: string, runUuid: string): Promise<RunState> {
    const state = (await deps.store.load(workspaceUuid, runUuid))!;
    let changed = false;
    for (const execution of state.run.executions) {
      if (execution.status !== "running") continue;
      Object.assign(execution, { status: "cancelled", errorMessage: "The run was cancelled", finishedAt: now() });
      changed = true;
    }
    if (changed) await deps.store.save(state);
    return state;
  }

  async function runNode(state: RunState, node: WorkflowNode, execution: Execution, signal: AbortSignal): Promise<StepResult | typeof PARKED> {
    if (node.kind === "native" && node.actionSlug === "start") {
      execution.attempts = 1;
      state.computedConfigs[node.uuid] = {};
      return FLOW_STEPS.start!({ config: {}, data: state.run.data, random: deps.random });
    }
    // A delay woken from parking keeps the config its wake time was computed from.
    const resumedDelay = node.kind === "native" && node.actionSlug === "delay" && state.computedConfigs[node.uuid];
    const config = resumedDelay ? (resumedDelay as Record<string, unknown>) : await computeConfig(state, node);
    state.computedConfigs[node.uuid] = config;

    if (node.kind === "native") {
      const flowStep = FLOW_STEPS[node.actionSlug];
      if (flowStep) {
        execution.attempts = 1;
        return flowStep({ config, data: state.run.data, random: deps.random });
      }
      if (node.actionSlug === "delay") return delay(config, execution, signal);
      if (!deps.actions.runsNative(node.actionSlug)) throw new PermanentNodeError(`There is no built-in action "${node.actionSlug}"`);
    } else if (!node.connectorUuid) {
      throw new PermanentNodeError("No connector is chosen for this node");
    }
    const base = { workspaceUuid: state.run.workspaceUuid, runUuid: state.run.uuid, actionSlug: node.actionSlug, config, idempotencyKey: `${state.run.uuid}:${node.uuid}`, signal };
    const call: ActionCall =
      node.kind === "native"
        ? { kind: "native", ...base }
        : { kind: "connector", ...base, integrationSlug: node.integrationSlug, connectorUuid: node.connectorUuid! };
    const policies = await deps.actions.policies({
      kind: node.kind,
      workspaceUuid: state.run.workspaceUuid,
      actionSlug: node.actionSlug,
      integrationSlug: node.kind === "connector" ? node.integrationSlug : undefined,
    });
    const retry = withDefaults(node.retry ?? policies.retry, NO_RETRY);
    const executing = withDefaults(policies.executing, DEFAULT_EXECUTING_POLICY);
    for (let attempt = 1; ; attempt++) {
      try {
        const answer = await callUntilExecuted(call, executing, execution, signal);
        return { output: answer.data, childIndex: answer.childIndex ?? 0, title: answer.title ?? "Executed" };
      } catch (error) {
        if (signal.aborted || !isRetryable(error) || !mayRetry(retry, attempt)) throw error;
        deps.logger?.warn("node attempt failed, retrying", { runUuid: state.run.uuid, nodeSlug: node.slug, attempt });
        await deps.clock.sleep(delayAfter(retry, attempt), signal);
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

  async function delay(config: Record<string, unknown>, execution: Execution, signal: AbortSignal): Promise<StepResult | typeof PARKED> {
    const minutes = delayMinutes(config);
    execution.attempts = 1;
    const remaining = delayEndsAt(execution, minutes) - deps.clock.now().getTime();
    if (remaining > INLINE_DELAY_MAX_MS) return PARKED;
    if (remaining > 0) await deps.clock.sleep(remaining, signal);
    return { output: { minutes }, childIndex: 0, title: `Waited ${minutes} min` };
  }

  async function computeConfig(state: RunState, node: WorkflowNode): Promise<Record<string, unknown>> {
    try {
      return await deps.expressions.evaluateConfig(node.config, { nodes: contextBySlug(state) });
    } catch (error) {
      const path = (error as { path?: unknown }).path;
      const where = typeof path === "string" && path ? `Config field ${path}: ` : "";
      throw new PermanentNodeError(`${where}${errorMessageOf(error)}`, { cause: error });
    }
  }

  return { createRun, executeRun, waitUntilDue, cancelRuns, isRunning: (uuid: string) => inFlight.has(uuid) };
}

export type RunSystem = ReturnType<typeof createRunSystem>;

function newExecution(node: WorkflowNode, at: string): Execution {
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
