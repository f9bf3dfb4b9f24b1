import type { WorkflowNode } from "@/lib/contract";
import { wakeTimeOf } from "./delay";
import { errorMessageOf, RunCancelledError } from "./errors";
import type { EngineDeps, RunState } from "./ports";
import { createRunEndings } from "./run-endings";
import { isTerminalRunStatus } from "./statuses";
import { createWalk } from "./walk";
import { isAction } from "./walk-steps";

export interface CreateRunInput {
  workspaceUuid: string;
  workflowUuid: string | null;
  /** The release whose graph `nodes` is, for a run of a deployed workflow. */
  releaseUuid?: string | null;
  nodes: WorkflowNode[];
  data: Record<string, unknown>;
  /** Set for a run a batch creates: the batch, and the record the run is for. */
  batch?: { batchUuid: string; recordId: string; recordTitle: string };
  /** The caller waits for the run's end (`?waitUntilFinished=true`): see `RunStore.create`. */
  awaited?: boolean;
}

/**
 * Creates and executes runs. A run walks from `start`, one child per node; its state is saved
 * when it ends, parks, or shows progress (`walk-saves.ts`: a node running a while, a long walk),
 * so `executeRun` on an unfinished run resumes from its last save. A node executed again that
 * way is called with the same Idempotency-Key (`<runUuid>:<nodeUuid>`), so an integration that
 * honours the key does the work once. A long `delay` parks the run: `executeRun` returns it
 * still `running`, and `waitUntilDue` (called by the queue without a slot) sleeps until the
 * delay is over. A state that cannot be saved ends the run `error` rather than leave it running.
 */
export function createRunSystem(deps: EngineDeps) {
  const inFlight = new Map<string, AbortController>();
  const now = () => deps.clock.now().toISOString();
  const endings = createRunEndings(deps);
  const { endUnsaved, settleCancelled } = endings;
  const walk = createWalk(deps, endings);

  async function createRun(input: CreateRunInput): Promise<RunState> {
    const at = now();
    const start = input.nodes.find((node) => isAction(node, "start"));
    const state: RunState = {
      run: {
        uuid: deps.ids.uuid(),
        workspaceUuid: input.workspaceUuid,
        workflowUuid: input.workflowUuid,
        releaseUuid: input.releaseUuid ?? null,
        nodes: input.nodes,
        data: input.data,
        batchUuid: input.batch?.batchUuid ?? null,
        recordId: input.batch?.recordId ?? null,
        recordTitle: input.batch?.recordTitle ?? null,
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
    await deps.store.create(state, { awaited: input.awaited });
    return state;
  }

  /**
   * Runs (or resumes) a run to its end, or until it parks on a long delay. Never throws for a
   * node failure, nor for a state the store refuses: that ends the run `error` (see `endUnsaved`).
   * `stored` is the run as created, when the caller has it (it just created the run, whose insert
   * the store may hold until the first save): the walk then starts without reading it back, and
   * changes that object.
   */
  async function executeRun(workspaceUuid: string, runUuid: string, stored?: RunState): Promise<RunState> {
    const loaded = stored ?? (await deps.store.load(workspaceUuid, runUuid));
    if (!loaded) throw new Error(`Run ${runUuid} does not exist`);
    // Cancelled while it waited for a slot (after its delay was due): the node it was on ends cancelled too.
    if (loaded.run.status === "cancelled") return settleCancelled(workspaceUuid, runUuid);
    if (isTerminalRunStatus(loaded.run.status)) return loaded;
    // A run reserved before it was created already has its controller, aborted if it was cancelled since.
    const controller = inFlight.get(runUuid) ?? new AbortController();
    inFlight.set(runUuid, controller);
    try {
      return await walk(loaded, controller.signal);
    } catch (error) {
      if (controller.signal.aborted || error instanceof RunCancelledError) return settleCancelled(workspaceUuid, runUuid);
      return endUnsaved(workspaceUuid, runUuid, errorMessageOf(error));
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

  /**
   * Cancels runs that have not finished; a node in the middle of a call, or a parked delay, is
   * aborted. A run this process is not executing (parked, or executing in another process, which
   * notices at its next heartbeat) gets its open executions marked cancelled here.
   */
  async function cancelRuns(workspaceUuid: string, runUuids: string[]): Promise<string[]> {
    const changed = await deps.store.cancel(workspaceUuid, runUuids, now());
    for (const uuid of changed) {
      const controller = inFlight.get(uuid);
      if (controller) controller.abort(new Error("The run was cancelled"));
      else await settleCancelled(workspaceUuid, uuid);
    }
    return changed;
  }

  /**
   * Registers a run this process is about to create and then walk itself, before its row exists,
   * so that a cancel (or `abandon`) from then on reaches it, even before its walk starts. The
   * answer forgets it again, for a run that will not be walked here after all.
   */
  function reserve(runUuid: string): () => void {
    const controller = new AbortController();
    inFlight.set(runUuid, controller);
    return () => {
      if (inFlight.get(runUuid) === controller) inFlight.delete(runUuid);
    };
  }

  /**
   * Stops this process's walk of a run without ending the run: its lease was lost, or the
   * process is shutting down and hands it back. Nothing more is written; whoever takes the run
   * over calls its current node again with the same Idempotency-Key.
   */
  function abandon(runUuid: string): void {
    inFlight.get(runUuid)?.abort(new Error("The run was handed over to another process"));
  }

  return { createRun, executeRun, waitUntilDue, cancelRuns, abandon, reserve, isRunning: (uuid: string) => inFlight.has(uuid) };
}

export type RunSystem = ReturnType<typeof createRunSystem>;
