import type {
  CreateRunRequestBody,
  ExecuteTopLevelActionRequestBody,
  GetRunResponseBody,
  Run,
  RunListQuery,
  RunSummary,
  TopLevelAction,
  WorkflowNode,
} from "@/lib/contract";
import { computedConfigsBySlug, contextBySlug, isTerminalRunStatus, type RunState } from "@/lib/engine";
import { childrenCount } from "@/lib/workflow";
import type { Deps } from "./deps-types";
import { AppError } from "./errors";
import { assertNotPlay } from "./plays/play-compatibility";
import { validateForRun, validationCatalog } from "./validate-nodes";
import { within } from "./within";

type RunsDeps = Pick<Deps, "db" | "integrations" | "runs">;

/** How long `?waitUntilFinished=true` waits before answering with the run as it is. */
export const WAIT_UNTIL_FINISHED_MS = 60_000;

/**
 * Creates a run of a saved workflow or of an ad-hoc graph. The graph is validated first (422 with
 * every problem: a run never starts on a graph the editor would flag), then the run is queued.
 */
export async function createRun(deps: RunsDeps, workspaceUuid: string, body: CreateRunRequestBody, { wait = false } = {}): Promise<Run> {
  const { nodes, workflowUuid, releaseUuid, playUuid } = await graphOf(deps, workspaceUuid, body);
  await assertNotPlay(deps, workspaceUuid, workflowUuid, playUuid);
  await assertRunnable(deps, workspaceUuid, nodes);
  return startRun(deps, { workspaceUuid, workflowUuid, releaseUuid, nodes, data: body.data }, wait);
}

/** The editor's test run of a workflow's saved draft: allowed for a play's workflow, which `createRun` refuses. */
export async function testRunWorkflow(deps: RunsDeps, workspaceUuid: string, workflowUuid: string, data: Record<string, unknown>): Promise<Run> {
  const { nodes } = await graphOf(deps, workspaceUuid, { workflowUuid });
  await assertRunnable(deps, workspaceUuid, nodes);
  return startRun(deps, { workspaceUuid, workflowUuid, releaseUuid: null, nodes, data }, false);
}

/**
 * Runs one action once, Cargo's `actions/execute`: the graph is start → the action, with `data` as
 * the action's config (literals, or expressions over `nodes.start`, which is `data` as well).
 */
export async function executeTopLevelAction(deps: RunsDeps, workspaceUuid: string, body: ExecuteTopLevelActionRequestBody, { wait = true } = {}): Promise<Run> {
  const nodes = await actionGraph(deps, workspaceUuid, body.action, body.data);
  await assertRunnable(deps, workspaceUuid, nodes);
  return startRun(deps, { workspaceUuid, workflowUuid: null, nodes, data: body.data }, wait);
}

/** The graph start → `action` (called with `config`) that a top-level action runs as. */
export async function actionGraph(deps: RunsDeps, workspaceUuid: string, action: TopLevelAction, config: Record<string, unknown>): Promise<WorkflowNode[]> {
  const actionNode: WorkflowNode = {
    uuid: crypto.randomUUID(),
    slug: action.actionSlug.replace(/\W/g, "_") || "action",
    config,
    childrenUuids: [],
    fallbackOnFailure: false,
    position: { x: 0, y: 166 },
    ...(action.retry && { retry: action.retry }),
    ...(action.kind === "connector"
      ? { kind: "connector", integrationSlug: action.integrationSlug, actionSlug: action.actionSlug, connectorUuid: action.connectorUuid }
      : { kind: "native", actionSlug: action.actionSlug }),
  };
  const start: WorkflowNode = {
    uuid: crypto.randomUUID(),
    slug: "start",
    kind: "native",
    actionSlug: "start",
    config: {},
    childrenUuids: [actionNode.uuid],
    fallbackOnFailure: false,
    position: { x: 0, y: 0 },
  };
  // Every child slot empty: the run ends after the action, whichever child it picks.
  actionNode.childrenUuids = Array.from({ length: childrenCount(actionNode, await validationCatalog(deps, workspaceUuid)) }, () => null);
  return [start, actionNode];
}

export async function getRun(deps: RunsDeps, workspaceUuid: string, uuid: string): Promise<GetRunResponseBody> {
  const state = await loadRun(deps, workspaceUuid, uuid);
  return { run: state.run, runContext: contextBySlug(state), runComputedConfigs: computedConfigsBySlug(state) };
}

export async function listRuns(deps: RunsDeps, workspaceUuid: string, query: RunListQuery): Promise<RunSummary[]> {
  return deps.db.runs.list({ workspaceUuid, workflowUuid: query.workflowUuid, batchUuid: query.batchUuid, statuses: query.statuses, limit: query.limit });
}

/** Cancels the runs that have not finished; finished ones are left as they are. */
export async function cancelRuns(deps: RunsDeps, workspaceUuid: string, uuids: string[]): Promise<{ cancelledUuids: string[] }> {
  return { cancelledUuids: await deps.runs.system.cancelRuns(workspaceUuid, uuids) };
}

async function startRun(deps: RunsDeps, input: Parameters<Deps["runs"]["system"]["createRun"]>[0], wait: boolean): Promise<Run> {
  // Created leased to this process, which walks it at once (written with its first save when the
  // caller waits for it: lib/server/held-run-inserts.ts), or with its job for a worker to take.
  const state = await deps.runs.system.createRun(wait ? { ...input, awaited: true } : input);
  if (!wait) return state.run;
  return waitForEnd(deps, input.workspaceUuid, state.run.uuid, WAIT_UNTIL_FINISHED_MS);
}

/**
 * The run once it has ended, or as it is after `timeoutMs`. A run this process executes is
 * awaited directly; one executing elsewhere (another worker) is polled, quickly at first.
 */
async function waitForEnd(deps: RunsDeps, workspaceUuid: string, uuid: string, timeoutMs: number): Promise<Run> {
  const deadline = Date.now() + timeoutMs;
  // A run this process walks is in its queue already; a job for this process (a web process's run
  // on SQLite) reaches the queue on the next turn of the event loop.
  if (!deps.runs.queue.settled(uuid)) await new Promise((resolve) => setImmediate(resolve));
  for (let pause = 5; ; pause = Math.min(pause * 2, 250)) {
    const local = deps.runs.queue.settled(uuid);
    const ended = local && (await within(local, deadline - Date.now()));
    if (ended && isTerminalRunStatus(ended.run.status)) return ended.run;
    const { run } = await loadRun(deps, workspaceUuid, uuid).catch((error: unknown) => {
      // Walked here and never stored (a run its caller waits for is written with its first
      // save, which the database refused): not a run that does not exist.
      if (ended === null && error instanceof AppError && error.code === "not_found:run") {
        throw new AppError("internal", "The run could not be stored, so it ended unrecorded; the server's log says why");
      }
      throw error;
    });
    // A stopping process answers with the run as it is once the run is not executing here (handed
    // back, or a worker's): the server is about to close the connection.
    const stopping = !deps.runs.queue.accepting && !deps.runs.queue.settled(uuid);
    if (isTerminalRunStatus(run.status) || Date.now() >= deadline || stopping) return run;
    // Until the next look, or until a worker of this process takes the run up.
    const taken = deps.runs.queue.whenLocal(uuid);
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([taken.started, new Promise((resolve) => (timer = setTimeout(resolve, Math.min(pause, deadline - Date.now()))))]);
    clearTimeout(timer);
    taken.cancel();
  }
}

/**
 * The graph a run or batch body names: an ad-hoc graph, a release's (the workflow it belongs to
 * must match one given with it), or a workflow's draft.
 */
export async function graphOf(
  deps: Pick<Deps, "db">,
  workspaceUuid: string,
  body: { workflowUuid: string } | { nodes: WorkflowNode[] } | { releaseUuid: string; workflowUuid?: string },
): Promise<{
  nodes: WorkflowNode[];
  workflowUuid: string | null;
  releaseUuid: string | null;
  /** For a workflow's draft, the play over it (null: none), read with it; undefined when not read. */
  playUuid?: string | null;
}> {
  if ("nodes" in body) return { nodes: body.nodes, workflowUuid: null, releaseUuid: null };
  if ("releaseUuid" in body) {
    const release = await deps.db.releases.get(workspaceUuid, body.releaseUuid);
    if (!release || (body.workflowUuid && body.workflowUuid !== release.workflowUuid)) {
      throw new AppError("not_found:release", `No release with uuid ${body.releaseUuid}${body.workflowUuid ? " for that workflow" : ""}`, { reason: "releaseNotFound" });
    }
    return { nodes: release.nodes, workflowUuid: release.workflowUuid, releaseUuid: release.uuid };
  }
  const found = await deps.db.workflows.getForRun(workspaceUuid, body.workflowUuid);
  if (!found) throw new AppError("not_found:workflow", `No workflow with uuid ${body.workflowUuid}`, { reason: "workflowNotFound" });
  return { nodes: found.workflow.nodes, workflowUuid: found.workflow.uuid, releaseUuid: null, playUuid: found.playUuid };
}

/** Throws 422 with the findings unless the graph validates (as a run's creation does). */
export async function assertRunnable(deps: RunsDeps, workspaceUuid: string, nodes: WorkflowNode[]) {
  // Remembered per graph and catalog version: a saved workflow run again and again is validated once.
  const validation = await validateForRun(deps, workspaceUuid, nodes);
  if (validation.outcome === "valid") return;
  const first = validation.invalidNodes
    .slice(0, 3)
    .map((finding) => `${finding.node.slug || "graph"}${finding.path ? ` (${finding.path})` : ""}: ${finding.message}`);
  const more = validation.invalidNodes.length > 3 ? ` (and ${validation.invalidNodes.length - 3} more)` : "";
  throw new AppError("unprocessable:nodes", `The workflow cannot run until its problems are fixed. ${first.join("; ")}${more}`, {
    reason: "nodesNotValid",
    details: { invalidNodes: validation.invalidNodes },
  });
}

async function loadRun(deps: RunsDeps, workspaceUuid: string, uuid: string): Promise<RunState> {
  const state = await deps.db.runs.load(workspaceUuid, uuid);
  if (!state) throw new AppError("not_found:run", `No run with uuid ${uuid}`, { reason: "runNotFound" });
  return state;
}
