import { RunNotSavedError } from "./errors";
import type { EngineDeps, RunState } from "./ports";
import { isTerminalRunStatus } from "./statuses";

/**
 * How a walk saves a run and how a run ends: finished (`success` or `error`), cancelled, or
 * failed because the store refused its state. Every ending is saved, so a restart finds the run
 * finished and executes nothing of it again.
 */
export function createRunEndings(deps: Pick<EngineDeps, "store" | "clock">) {
  const now = () => deps.clock.now().toISOString();

  /** Saves the whole state; false when the run was cancelled meanwhile (nothing is written then). */
  async function save(state: RunState): Promise<boolean> {
    state.run.updatedAt = now();
    try {
      return (await deps.store.save(state)) !== false;
    } catch (error) {
      throw new RunNotSavedError(error);
    }
  }

  async function finish(state: RunState, status: "success" | "error", errorMessage: string | null): Promise<RunState> {
    Object.assign(state.run, { status, errorMessage, finishedAt: now() });
    state.cursorNodeUuid = null;
    if (!(await save(state))) return settleCancelled(state.run.workspaceUuid, state.run.uuid, state);
    return state;
  }

  /**
   * The walk could not go on: the store refused a state (or something else broke). The run ends
   * `error` from its last saved state, without whatever could not be saved; the node it was on
   * ends `error` too, so the next start does not execute it again. Throws only when even that
   * state cannot be saved.
   */
  async function endUnsaved(workspaceUuid: string, runUuid: string, message: string): Promise<RunState> {
    const state = await deps.store.load(workspaceUuid, runUuid);
    if (!state) throw new Error(`Run ${runUuid} does not exist`);
    if (state.run.status === "cancelled") return settleCancelled(workspaceUuid, runUuid);
    if (isTerminalRunStatus(state.run.status)) return state;
    const names = new Map(state.run.nodes.map((node) => [node.uuid, node.name ?? node.slug]));
    let where = "";
    for (const execution of state.run.executions) {
      if (execution.status !== "running") continue;
      Object.assign(execution, { status: "error", errorMessage: message, title: "Failed", finishedAt: now() });
      if (execution.groupNodeUuid === undefined) where = `${names.get(execution.nodeUuid) ?? execution.nodeSlug}: `;
    }
    return finish(state, "error", `${where}${message}`);
  }

  /**
   * The store says cancelled: mark the node that was running (and any group item node in it) as
   * cancelled too. A walk stopped for another reason (abandoned: the run went to another
   * process) finds the run not cancelled and leaves it as it is. `live` is the walk's own state,
   * when a walk was cancelled: what it did since its last save (quick nodes are not saved one by
   * one) is kept, under the cancel as stored, provided it carries on from what is stored (a walk
   * that lost the run to another process, which went further, must not write over that).
   */
  async function settleCancelled(workspaceUuid: string, runUuid: string, live?: RunState): Promise<RunState> {
    const state = (await deps.store.load(workspaceUuid, runUuid))!;
    if (state.run.status !== "cancelled") return state;
    if (live && carriesOn(state, live)) {
      state.run.executions = live.run.executions;
      state.outputs = live.outputs;
      state.computedConfigs = live.computedConfigs;
      state.cursorNodeUuid = live.cursorNodeUuid;
    }
    let changed = state.run.executions === live?.run.executions;
    for (const execution of state.run.executions) {
      if (execution.status !== "running") continue;
      Object.assign(execution, { status: "cancelled", errorMessage: "The run was cancelled", finishedAt: now() });
      changed = true;
    }
    if (changed) await deps.store.save(state);
    return state;
  }

  return { save, finish, endUnsaved, settleCancelled };
}

/** Whether `live` began from `stored`: every stored execution is the live one at its place. */
function carriesOn(stored: RunState, live: RunState): boolean {
  const before = stored.run.executions;
  if (before.length > live.run.executions.length) return false;
  return before.every((execution, index) => {
    const other = live.run.executions[index]!;
    return other.nodeUuid === execution.nodeUuid && other.startedAt === execution.startedAt && other.itemIndex === execution.itemIndex;
  });
}
