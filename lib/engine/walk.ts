import { errorMessageOf, RunCancelledError, RunLimitError } from "./errors";
import { PARKED, type NodeScope, type RunHandle } from "./node-scope";
import { createNodeSystem } from "./node-system";
import type { EngineDeps, RunState } from "./ports";
import { contextBySlug } from "./run-context";
import type { createRunEndings } from "./run-endings";
import { createWalkSaves } from "./walk-saves";
import { appendExecution, completeExecution, failExecution, isAction, isFlowStep, newExecution, openExecutionOf } from "./walk-steps";

/**
 * One walk of a run from its cursor: node after node until the run ends, parks on a long delay,
 * or is cancelled (`signal`). When it saves is `walk-saves.ts`'s business; how it ends,
 * `run-endings.ts`'s. Throws only when the store refuses a state (the run system then ends the
 * run from its last save).
 */
export function createWalk(deps: EngineDeps, { save, finish, settleCancelled }: ReturnType<typeof createRunEndings>) {
  const now = () => deps.clock.now().toISOString();
  const nodeSystem = createNodeSystem(deps);

  return async function walk(state: RunState, signal: AbortSignal): Promise<RunState> {
    const nodes = new Map(state.run.nodes.map((node) => [node.uuid, node]));
    const cancelled = () => settleCancelled(state.run.workspaceUuid, state.run.uuid, state);
    if (state.run.status === "pending") {
      // Saved as running by the first save of the walk: a crash before it resumes a pending run alike.
      state.run.status = "running";
      if (!state.cursorNodeUuid) return finish(state, "error", 'The graph has no start node (slug "start", action "start")');
    }
    const saves = createWalkSaves(() => save(state), deps.clock);
    let drawn = false;
    // A timer's save may be in flight: the ending waits for it, so it lands last.
    const end = async (status: "success" | "error", message: string | null) => ((await saves.settled()) ? finish(state, status, message) : cancelled());
    const run: RunHandle = {
      state,
      async checkpoint() {
        if (!(await saves.progress())) throw new RunCancelledError();
      },
    };
    const scope: NodeScope = {
      startOutput: state.run.data,
      globals: () => ({ nodes: contextBySlug(state) }),
      computedConfigs: state.computedConfigs,
      keyPrefix: state.run.uuid,
      mayPark: true,
    };
    while (state.cursorNodeUuid) {
      if (signal.aborted) return cancelled();
      const node = nodes.get(state.cursorNodeUuid);
      if (!node) return end("error", `Node ${state.cursorNodeUuid} is not in the graph`);
      let execution = openExecutionOf(state, node.uuid);
      if (!execution) {
        try {
          execution = appendExecution(state, newExecution(node, now()));
        } catch (error) {
          return end("error", errorMessageOf(error));
        }
      }
      // What a split drew is saved before a node with IO acts on it: a resumed run must not draw again.
      if (drawn && !isFlowStep(node)) {
        drawn = false;
        if (!(await saves.now())) return cancelled();
      }
      // A flow step takes microseconds; a node with IO shows as running once it takes a while.
      const ended = isFlowStep(node) ? () => undefined : saves.nodeStarted();
      try {
        const result = await nodeSystem.runNode(run, scope, node, execution, signal).finally(ended);
        if (result === PARKED) return (await saves.now()) ? state : cancelled();
        state.cursorNodeUuid = completeExecution(node, execution, result, now());
        drawn ||= isAction(node, "split");
        state.outputs[node.uuid] = result.output;
        if (isAction(node, "end")) state.run.output = result.output as Record<string, unknown>;
      } catch (error) {
        if (signal.aborted || error instanceof RunCancelledError) return cancelled();
        const message = errorMessageOf(error);
        // A cap of the whole run (RunLimitError) ends it, whatever the node's fallback.
        const fallback = failExecution(node, execution, message, now(), { final: error instanceof RunLimitError });
        if (fallback === undefined) return end("error", `${node.name ?? node.slug}: ${message}`);
        // The fallback path can read what went wrong as nodes.<slug>.error.
        state.outputs[node.uuid] = { error: message };
        state.cursorNodeUuid = fallback;
      }
      if (!(await saves.progress())) return cancelled();
    }
    return end("success", null);
  };
}
