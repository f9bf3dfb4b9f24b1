import { randomUUID } from "node:crypto";
import type { FormField, Workflow, WorkflowNode, WorkflowSummary } from "@/lib/contract";
import { deepFreeze, sharedGraph } from "../shared-graphs";
import type { SqlClient } from "../sql-client";

interface Row {
  [column: string]: unknown;
  uuid: string;
  workspace_uuid: string;
  name: string;
  nodes_json: string;
  form_fields_json: string;
  deployed_release_uuid: string | null;
  release_version: string | null;
  release_description: string | null;
  release_deployed_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A workflow with what it says of its deployed release (migration 13). */
const SELECT = `SELECT w.*, r.version AS release_version, r.description AS release_description, r.deployed_at AS release_deployed_at
  FROM workflows w LEFT JOIN releases r ON r.uuid = w.deployed_release_uuid`;

/** `SELECT` with the uuid of the play over the workflow (null: none), for a run about to start. */
const SELECT_FOR_RUN = SELECT.replace(
  "SELECT w.*,",
  "SELECT w.*, (SELECT p.uuid FROM plays p WHERE p.workspace_uuid = w.workspace_uuid AND p.workflow_uuid = w.uuid LIMIT 1) AS play_uuid,",
);

const deployedReleaseOf = (row: Row): Workflow["deployedRelease"] =>
  row.deployed_release_uuid && row.release_version
    ? { uuid: row.deployed_release_uuid, version: row.release_version, description: row.release_description ?? "", deployedAt: row.release_deployed_at ?? "" }
    : null;

function toWorkflow(row: Row, parseNodes: (text: string) => WorkflowNode[] = JSON.parse): Workflow {
  return {
    uuid: row.uuid,
    workspaceUuid: row.workspace_uuid,
    name: row.name,
    nodes: parseNodes(row.nodes_json),
    formFields: JSON.parse(row.form_fields_json) as FormField[],
    deployedRelease: deployedReleaseOf(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const forRun = new WeakMap<Row, Workflow>();

/**
 * The workflow of a row for its runs: parsed once for as long as the read cache answers the same
 * row (until the workflow, its release or its play changes), frozen, its graph shared by every
 * run (`sharedGraph`).
 */
function workflowForRun(row: Row): Workflow {
  let workflow = forRun.get(row);
  if (!workflow) forRun.set(row, (workflow = deepFreeze(toWorkflow(row, sharedGraph))));
  return workflow;
}

export interface NewWorkflow {
  name: string;
  nodes: WorkflowNode[];
  formFields?: FormField[];
}

export type WorkflowChanges = Partial<NewWorkflow>;

/** An update lands (`workflow`) or loses to a newer edit (`conflict`, the version that won). */
export type WorkflowUpdateResult = { workflow: Workflow } | { conflict: Workflow };

/**
 * The timestamp a version after `previous` gets: now, or 1 ms past `previous` when the clock has
 * not moved (or went back), so `updatedAt` can serve as a version.
 */
function nextUpdatedAt(previous: string): string {
  const now = Date.now();
  const after = Date.parse(previous);
  return new Date(Number.isNaN(after) ? now : Math.max(now, after + 1)).toISOString();
}

/** Normalizes a client-sent timestamp to the stored form, so `…T00:00:00Z` matches `…T00:00:00.000Z`. */
function canonical(timestamp: string): string {
  const time = Date.parse(timestamp);
  return Number.isNaN(time) ? timestamp : new Date(time).toISOString();
}

/** Workflows of one workspace at a time; `updatedAt` is the version optimistic updates check. */
export function workflowRepository(db: SqlClient) {
  const get = async (workspaceUuid: string, uuid: string): Promise<Workflow | null> => {
    const row = await db.get<Row>(`${SELECT} WHERE w.workspace_uuid = ? AND w.uuid = ?`, [workspaceUuid, uuid]);
    return row ? toWorkflow(row) : null;
  };

  return {
    get,

    /**
     * `get` for a run about to start, with the uuid of the play over the workflow (null when it
     * is none) read in the same statement: a play's workflow runs on its segment's changes only.
     */
    async getForRun(workspaceUuid: string, uuid: string): Promise<{ workflow: Workflow; playUuid: string | null } | null> {
      // From memory until the workflow, its release or its play changes.
      const [row] = await db.allCached<Row & { play_uuid: string | null }>(`${SELECT_FOR_RUN} WHERE w.workspace_uuid = ? AND w.uuid = ?`, [workspaceUuid, uuid]);
      return row ? { workflow: workflowForRun(row), playUuid: row.play_uuid } : null;
    },

    async create(workspaceUuid: string, input: NewWorkflow): Promise<Workflow> {
      const uuid = randomUUID();
      const now = new Date().toISOString();
      await db.run(
        "INSERT INTO workflows (uuid, workspace_uuid, name, nodes_json, form_fields_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [uuid, workspaceUuid, input.name, JSON.stringify(input.nodes), JSON.stringify(input.formFields ?? []), now, now],
      );
      return (await get(workspaceUuid, uuid))!;
    },

    /** Summaries, most recently updated first. */
    async list(workspaceUuid: string): Promise<WorkflowSummary[]> {
      // The node count comes from the JSON in JS: portable, and a workspace's list is small.
      const rows = await db.all<Row>(`${SELECT} WHERE w.workspace_uuid = ? ORDER BY w.updated_at DESC, w.uuid`, [workspaceUuid]);
      return rows.map((row) => ({
        uuid: row.uuid,
        name: row.name,
        nodesCount: (JSON.parse(row.nodes_json) as unknown[]).length,
        deployedRelease: deployedReleaseOf(row),
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      }));
    },

    /**
     * Applies `changes` only if the stored version is still `expectedUpdatedAt` (one conditional
     * UPDATE … RETURNING, so two concurrent editors cannot both win). Null when the workflow does not exist.
     * @example
     * const result = await workflows.update(ws, uuid, { name: "Renamed" }, workflow.updatedAt);
     * if (result && "conflict" in result) showReload(result.conflict);
     */
    async update(
      workspaceUuid: string,
      uuid: string,
      changes: WorkflowChanges,
      expectedUpdatedAt: string,
    ): Promise<WorkflowUpdateResult | null> {
      const expected = canonical(expectedUpdatedAt);
      const updated = await db.get<{ uuid: string }>(
        `UPDATE workflows SET name = COALESCE(?, name), nodes_json = COALESCE(?, nodes_json), form_fields_json = COALESCE(?, form_fields_json), updated_at = ?
         WHERE workspace_uuid = ? AND uuid = ? AND updated_at = ? RETURNING uuid`,
        [
          changes.name ?? null,
          changes.nodes ? JSON.stringify(changes.nodes) : null,
          changes.formFields ? JSON.stringify(changes.formFields) : null,
          nextUpdatedAt(expected),
          workspaceUuid,
          uuid,
          expected,
        ],
      );
      // Read back with the deployed release's summary (a join RETURNING cannot make).
      if (updated) return { workflow: (await get(workspaceUuid, uuid))! };
      const current = await get(workspaceUuid, uuid);
      return current ? { conflict: current } : null;
    },

    async remove(workspaceUuid: string, uuid: string): Promise<boolean> {
      return (await db.run("DELETE FROM workflows WHERE workspace_uuid = ? AND uuid = ?", [workspaceUuid, uuid])).changes > 0;
    },
  };
}

export type WorkflowRepository = ReturnType<typeof workflowRepository>;
