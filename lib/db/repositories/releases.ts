import { randomUUID } from "node:crypto";
import type { FormField, Release, WorkflowNode } from "@/lib/contract";
import type { SqlClient } from "../sql-client";

interface Row {
  [column: string]: unknown;
  uuid: string;
  workspace_uuid: string;
  workflow_uuid: string;
  parent_uuid: string | null;
  user_uuid: string | null;
  version: string;
  description: string;
  template_slug: string | null;
  nodes_json: string;
  form_fields_json: string;
  deployed_at: string;
  created_at: string;
  deployed_release_uuid: string | null;
}

function toRelease(row: Row): Release {
  return {
    uuid: row.uuid,
    parentUuid: row.parent_uuid,
    workspaceUuid: row.workspace_uuid,
    userUuid: row.user_uuid,
    workflowUuid: row.workflow_uuid,
    description: row.description,
    version: row.version,
    status: row.deployed_release_uuid === row.uuid ? "deployed" : "superseded",
    templateSlug: row.template_slug,
    nodes: JSON.parse(row.nodes_json) as WorkflowNode[],
    formFields: JSON.parse(row.form_fields_json) as FormField[],
    testRecords: [],
    deployedAt: row.deployed_at,
    createdAt: row.created_at,
    updatedAt: row.created_at,
    deletedAt: null,
  };
}

export interface NewRelease {
  workflowUuid: string;
  parentUuid: string | null;
  userUuid: string | null;
  version: string;
  description: string;
  templateSlug: string | null;
  nodes: WorkflowNode[];
  formFields: FormField[];
}

/** Each release read with its workflow's pointer, which says whether it is the deployed one. */
const SELECT = `SELECT r.*, w.deployed_release_uuid FROM releases r JOIN workflows w ON w.uuid = r.workflow_uuid`;

/** Releases are written once and never changed; deploying one moves the workflow's pointer to it. */
export function releaseRepository(db: SqlClient) {
  return {
    async get(workspaceUuid: string, uuid: string): Promise<Release | null> {
      const row = await db.get<Row>(`${SELECT} WHERE r.workspace_uuid = ? AND r.uuid = ?`, [workspaceUuid, uuid]);
      return row ? toRelease(row) : null;
    },

    /** Newest first. */
    async list(workspaceUuid: string, workflowUuid: string, limit: number): Promise<Release[]> {
      const rows = await db.all<Row>(`${SELECT} WHERE r.workspace_uuid = ? AND r.workflow_uuid = ? ORDER BY r.created_at DESC, r.version DESC LIMIT ?`, [
        workspaceUuid,
        workflowUuid,
        limit,
      ]);
      return rows.map(toRelease);
    },

    async deployed(workspaceUuid: string, workflowUuid: string): Promise<Release | null> {
      const row = await db.get<Row>(`${SELECT} WHERE r.workspace_uuid = ? AND w.uuid = ? AND r.uuid = w.deployed_release_uuid`, [workspaceUuid, workflowUuid]);
      return row ? toRelease(row) : null;
    },

    /** Every version the workflow has used (to pick the next one). */
    async versions(workflowUuid: string): Promise<string[]> {
      return (await db.all<{ version: string }>(`SELECT version FROM releases WHERE workflow_uuid = ?`, [workflowUuid])).map((row) => row.version);
    },

    /**
     * Inserts the release and makes it the workflow's deployed one, in one transaction (the caller
     * passes a transaction's client). A version the workflow already has fails on the unique
     * index; the caller turns that into a 409.
     */
    async deploy(workspaceUuid: string, input: NewRelease, now = new Date().toISOString()): Promise<string> {
      const uuid = randomUUID();
      await db.run(
        `INSERT INTO releases (uuid, workspace_uuid, workflow_uuid, parent_uuid, user_uuid, version, description, template_slug, nodes_json,
           form_fields_json, deployed_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          uuid,
          workspaceUuid,
          input.workflowUuid,
          input.parentUuid,
          input.userUuid,
          input.version,
          input.description,
          input.templateSlug,
          JSON.stringify(input.nodes),
          JSON.stringify(input.formFields),
          now,
          now,
        ],
      );
      await db.run(`UPDATE workflows SET deployed_release_uuid = ? WHERE workspace_uuid = ? AND uuid = ?`, [uuid, workspaceUuid, input.workflowUuid]);
      return uuid;
    },
  };
}
