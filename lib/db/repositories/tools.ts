import { randomUUID } from "node:crypto";
import type { FormField, Tool } from "@/lib/contract";
import type { SqlClient } from "../sql-client";

interface Row {
  [column: string]: unknown;
  uuid: string;
  workspace_uuid: string;
  workflow_uuid: string;
  workflow_name: string;
  name: string;
  description: string;
  webhook_enabled: number | string;
  webhook_secret_hint: string | null;
  release_uuid: string | null;
  release_version: string | null;
  release_description: string | null;
  release_deployed_at: string | null;
  release_form_fields_json: string | null;
  created_at: string;
  updated_at: string;
}

/** A tool with its workflow's name and its deployed release: what the form is, and what runs. */
const SELECT = `SELECT t.*, w.name AS workflow_name, r.uuid AS release_uuid, r.version AS release_version, r.description AS release_description,
    r.deployed_at AS release_deployed_at, r.form_fields_json AS release_form_fields_json
  FROM tools t JOIN workflows w ON w.uuid = t.workflow_uuid LEFT JOIN releases r ON r.uuid = w.deployed_release_uuid`;

/** Where a tool's webhook is POSTed, under the app's address. */
export const toolWebhookPath = (uuid: string) => `/api/v1/hooks/tools/${uuid}`;

function toTool(row: Row): Tool {
  const deployed = row.release_uuid && row.release_version;
  return {
    uuid: row.uuid,
    workspaceUuid: row.workspace_uuid,
    workflowUuid: row.workflow_uuid,
    workflowName: row.workflow_name,
    name: row.name,
    description: row.description,
    deployedRelease: deployed
      ? { uuid: row.release_uuid!, version: row.release_version!, description: row.release_description ?? "", deployedAt: row.release_deployed_at ?? "" }
      : null,
    formFields: deployed ? (JSON.parse(row.release_form_fields_json ?? "[]") as FormField[]) : [],
    webhook: { enabled: Number(row.webhook_enabled) === 1, url: toolWebhookPath(row.uuid), secretHint: row.webhook_secret_hint },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Tools and their webhooks. The sealed secret leaves only through `webhookSecret`, for the one
 * place that verifies a signature; every other answer carries its hint.
 */
export function toolRepository(db: SqlClient) {
  return {
    async get(workspaceUuid: string, uuid: string): Promise<Tool | null> {
      const row = await db.get<Row>(`${SELECT} WHERE t.workspace_uuid = ? AND t.uuid = ?`, [workspaceUuid, uuid]);
      return row ? toTool(row) : null;
    },

    /** Newest first. */
    async list(workspaceUuid: string): Promise<Tool[]> {
      return (await db.all<Row>(`${SELECT} WHERE t.workspace_uuid = ? ORDER BY t.created_at DESC, t.uuid`, [workspaceUuid])).map(toTool);
    },

    /** The tool's uuid; a workflow that has a tool already fails on the unique index (the caller answers 409). */
    async create(workspaceUuid: string, input: { workflowUuid: string; name: string; description: string }, now = new Date().toISOString()): Promise<string> {
      const uuid = randomUUID();
      await db.run(`INSERT INTO tools (uuid, workspace_uuid, workflow_uuid, name, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, [
        uuid,
        workspaceUuid,
        input.workflowUuid,
        input.name,
        input.description,
        now,
        now,
      ]);
      return uuid;
    },

    /** False when there is no such tool. */
    async update(workspaceUuid: string, uuid: string, changes: { name?: string; description?: string }, now = new Date().toISOString()): Promise<boolean> {
      const result = await db.run(`UPDATE tools SET name = COALESCE(?, name), description = COALESCE(?, description), updated_at = ? WHERE workspace_uuid = ? AND uuid = ?`, [
        changes.name ?? null,
        changes.description ?? null,
        now,
        workspaceUuid,
        uuid,
      ]);
      return result.changes > 0;
    },

    async remove(workspaceUuid: string, uuid: string): Promise<boolean> {
      return (await db.run(`DELETE FROM tools WHERE workspace_uuid = ? AND uuid = ?`, [workspaceUuid, uuid])).changes > 0;
    },

    /** Enables the webhook with a new sealed secret (the old one stops signing at once), or disables it, keeping the secret. */
    async setWebhook(workspaceUuid: string, uuid: string, webhook: { sealedSecret: string; hint: string } | { enabled: false }, now = new Date().toISOString()): Promise<boolean> {
      const result =
        "sealedSecret" in webhook
          ? await db.run(`UPDATE tools SET webhook_enabled = 1, sealed_webhook_secret = ?, webhook_secret_hint = ?, updated_at = ? WHERE workspace_uuid = ? AND uuid = ?`, [
              webhook.sealedSecret,
              webhook.hint,
              now,
              workspaceUuid,
              uuid,
            ])
          : await db.run(`UPDATE tools SET webhook_enabled = 0, updated_at = ? WHERE workspace_uuid = ? AND uuid = ?`, [now, workspaceUuid, uuid]);
      return result.changes > 0;
    },

    /**
     * What a webhook delivery to `uuid` is checked with, in any workspace (the caller is known only
     * by the signature): null unless the tool exists and its webhook is enabled.
     */
    async webhookSecret(uuid: string): Promise<{ workspaceUuid: string; sealedSecret: string } | null> {
      const row = await db.get<{ workspace_uuid: string; sealed_webhook_secret: string | null }>(
        `SELECT workspace_uuid, sealed_webhook_secret FROM tools WHERE uuid = ? AND webhook_enabled = 1`,
        [uuid],
      );
      return row?.sealed_webhook_secret ? { workspaceUuid: row.workspace_uuid, sealedSecret: row.sealed_webhook_secret } : null;
    },

    /**
     * Records a delivery the first time it is seen: true then, false for a replay (the same digest
     * inside its window). Deliveries whose window has passed are forgotten on the way.
     */
    async claimDelivery(toolUuid: string, digest: string, expiresAt: string, now = new Date().toISOString()): Promise<boolean> {
      await db.run(`DELETE FROM tool_webhook_deliveries WHERE expires_at < ?`, [now]);
      const result = await db.run(
        `INSERT INTO tool_webhook_deliveries (tool_uuid, delivery_digest, seen_at, expires_at) VALUES (?, ?, ?, ?) ON CONFLICT (tool_uuid, delivery_digest) DO NOTHING`,
        [toolUuid, digest, now, expiresAt],
      );
      return result.changes > 0;
    },

    /** Forgets a delivery whose run could not be started for a reason on our side, so the sender may retry it. */
    async releaseDelivery(toolUuid: string, digest: string): Promise<void> {
      await db.run(`DELETE FROM tool_webhook_deliveries WHERE tool_uuid = ? AND delivery_digest = ?`, [toolUuid, digest]);
    },
  };
}
