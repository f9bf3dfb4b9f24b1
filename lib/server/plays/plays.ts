import type { CreatePlayRequestBody, Play, UpdatePlayRequestBody } from "@/lib/contract";
import { CreatePlayRequestBody as CreatePlaySchema } from "@/lib/contract";
import type { PlayFields, StoredPlay } from "@/lib/db/repositories/plays";
import type { Deps } from "../deps-types";
import { AppError } from "../errors";
import { getStoredModel } from "../records/models";
import { checkPlayHealth } from "./play-health";
import { assertSchedule } from "./play-schedule";

type PlayDeps = Pick<Deps, "db">;

function playNotFound(uuid: string): AppError {
  return new AppError("not_found:play", `No play with uuid ${uuid}`, { reason: "playNotFound" });
}

/** The answer: the stored play with its health, which may pause it as it is read (see `checkPlayHealth`). */
async function view(deps: PlayDeps, play: StoredPlay): Promise<Play> {
  const { health } = await checkPlayHealth(deps, play);
  const { pausedReason: _paused, notice: _notice, ...rest } = play;
  return { ...rest, health };
}

async function stored(deps: PlayDeps, workspaceUuid: string, uuid: string): Promise<StoredPlay> {
  const play = await deps.db.plays.get(workspaceUuid, uuid);
  if (!play) throw playNotFound(uuid);
  return play;
}

export async function listPlays(deps: PlayDeps, workspaceUuid: string): Promise<Play[]> {
  return Promise.all((await deps.db.plays.list(workspaceUuid)).map((play) => view(deps, play)));
}

export async function getPlay(deps: PlayDeps, workspaceUuid: string, uuid: string): Promise<Play> {
  return view(deps, await stored(deps, workspaceUuid, uuid));
}

/**
 * A play over a workflow that is neither a play (409 `playExists`) nor a tool (409
 * `workflowIsTool`): a tool's runs are asked for, a play's are started by its segment's changes.
 */
export async function createPlay(deps: PlayDeps, workspaceUuid: string, input: CreatePlayRequestBody): Promise<Play> {
  const { workflowUuid, ...fields } = CreatePlaySchema.parse(input);
  if (!(await deps.db.workflows.get(workspaceUuid, workflowUuid))) {
    throw new AppError("not_found:workflow", `No workflow with uuid ${workflowUuid}`, { reason: "workflowNotFound" });
  }
  if ((await deps.db.tools.list(workspaceUuid)).some((tool) => tool.workflowUuid === workflowUuid)) {
    throw new AppError("conflict:play", "This workflow is a tool; a play needs a workflow of its own", { reason: "workflowIsTool" });
  }
  await assertSegmentOfModel(deps, workspaceUuid, fields);
  assertSchedule(fields.schedule);
  let uuid: string;
  try {
    uuid = await deps.db.plays.create(workspaceUuid, workflowUuid, fields);
  } catch (error) {
    if (!/unique/i.test((error as Error).message)) throw error;
    throw new AppError("conflict:play", "This workflow has a play already; open that one", { reason: "playExists" });
  }
  return getPlay(deps, workspaceUuid, uuid);
}

export async function updatePlay(deps: PlayDeps, workspaceUuid: string, uuid: string, body: UpdatePlayRequestBody): Promise<Play> {
  const current = await stored(deps, workspaceUuid, uuid);
  const given = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
  const next: PlayFields = { ...current, ...given };
  if (next.changeKinds.length === 0 && !next.schedule) {
    throw new AppError("bad_request:input", "Pick at least one change kind, or give a schedule", {
      problems: [{ path: "changeKinds", message: "Pick at least one change kind, or give a schedule" }],
    });
  }
  if (body.modelUuid !== undefined || body.segmentUuid !== undefined) await assertSegmentOfModel(deps, workspaceUuid, next);
  assertSchedule(body.schedule);
  await deps.db.transaction(async (tx) => {
    await tx.plays.update(workspaceUuid, uuid, next);
    // "Once per record" was about the old model's records: ids of another model may collide.
    if (next.modelUuid !== current.modelUuid) await tx.plays.clearEnrollments(uuid);
  });
  return getPlay(deps, workspaceUuid, uuid);
}

/** Removes the play; its workflow, batches and runs stay as history. */
export async function removePlay(deps: PlayDeps, workspaceUuid: string, uuid: string): Promise<Play> {
  const play = await getPlay(deps, workspaceUuid, uuid);
  await deps.db.plays.remove(workspaceUuid, uuid);
  return play;
}

/** Enabling also lifts a health pause: the operator has looked at the play. */
export async function setPlayEnabled(deps: PlayDeps, workspaceUuid: string, uuid: string, isEnabled: boolean): Promise<Play> {
  if (!(await deps.db.plays.setEnabled(workspaceUuid, uuid, isEnabled))) throw playNotFound(uuid);
  return getPlay(deps, workspaceUuid, uuid);
}

/** 404 for a model that is not there; 400 naming `segmentUuid` for a segment that is not the model's. */
async function assertSegmentOfModel(deps: PlayDeps, workspaceUuid: string, fields: { modelUuid: string; segmentUuid: string }): Promise<void> {
  await getStoredModel(deps, workspaceUuid, fields.modelUuid);
  const segment = await deps.db.segments.get(workspaceUuid, fields.segmentUuid);
  if (segment?.modelUuid === fields.modelUuid) return;
  const message = segment ? "The segment belongs to another model" : `No segment with uuid ${fields.segmentUuid}`;
  throw new AppError("bad_request:input", `Invalid segmentUuid: ${message}`, { reason: "invalidSegment", problems: [{ path: "segmentUuid", message }] });
}
