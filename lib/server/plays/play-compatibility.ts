import type { Deps } from "../deps-types";
import { AppError } from "../errors";

/**
 * Refuses a run asked for a play's workflow (`POST /orchestration/runs`, by workflow or release):
 * a play runs on its segment's changes, as Cargo answers `playNotCompatible`. The editor's test
 * run of the draft has a route of its own, which is allowed.
 */
export async function assertNotPlay(
  deps: Pick<Deps, "db">,
  workspaceUuid: string,
  workflowUuid: string | null,
  /** The play over the workflow when it was read already (null: none), so it is not read again. */
  knownPlayUuid?: string | null,
): Promise<void> {
  if (!workflowUuid) return;
  const playUuid = knownPlayUuid === undefined ? await deps.db.plays.byWorkflow(workspaceUuid, workflowUuid) : knownPlayUuid;
  if (!playUuid) return;
  throw new AppError("bad_request:workflow", "This workflow is a play: it runs when a sync changes its segment, not on request", { reason: "playNotCompatible" });
}
