import { randomUUID } from "node:crypto";
import type { BatchStatus, DeployedReleaseSummary, PlayChangeKind, PlaySchedule, RunCreationRule } from "@/lib/contract";
import type { SqlClient, SqlValue } from "../sql-client";
import { playTriggerRepository } from "./play-triggers";

export type { ChangeSelection } from "./play-triggers";

/** A play as stored: everything but its health, which is worked out from its runs when read. */
export interface StoredPlay {
  uuid: string;
  workspaceUuid: string;
  workflowUuid: string;
  name: string;
  description: string;
  modelUuid: string;
  segmentUuid: string;
  changeKinds: PlayChangeKind[];
  runCreationRule: RunCreationRule;
  isEnabled: boolean;
  schedule: PlaySchedule;
  healthThreshold: number | null;
  /** Why it was paused; null while it runs. */
  pausedReason: string | null;
  /** What kept it from running last (no deployed release), cleared by the next batch. */
  notice: string | null;
  deployedRelease: DeployedReleaseSummary | null;
  lastBatch: { uuid: string; status: BatchStatus; createdAt: string } | null;
  createdAt: string;
  updatedAt: string;
}

/** The fields a create or an update writes. */
export type PlayFields = Pick<
  StoredPlay,
  "name" | "description" | "modelUuid" | "segmentUuid" | "changeKinds" | "runCreationRule" | "isEnabled" | "schedule" | "healthThreshold"
>;

interface Row {
  [column: string]: unknown;
  uuid: string;
  workspace_uuid: string;
  workflow_uuid: string;
  name: string;
  description: string;
  model_uuid: string;
  segment_uuid: string;
  change_kinds_json: string;
  run_creation_rule: RunCreationRule;
  is_enabled: number | string;
  schedule_json: string | null;
  health_threshold: number | string | null;
  paused_reason: string | null;
  notice: string | null;
  release_version: string | null;
  release_description: string | null;
  release_deployed_at: string | null;
  deployed_release_uuid: string | null;
  batch_uuid: string | null;
  batch_status: BatchStatus | null;
  batch_created_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A play with its workflow's deployed release and its newest batch. */
const SELECT = `SELECT p.*, w.deployed_release_uuid, r.version AS release_version, r.description AS release_description, r.deployed_at AS release_deployed_at,
    b.uuid AS batch_uuid, b.status AS batch_status, b.created_at AS batch_created_at
  FROM plays p JOIN workflows w ON w.uuid = p.workflow_uuid LEFT JOIN releases r ON r.uuid = w.deployed_release_uuid
  LEFT JOIN batches b ON b.uuid = (SELECT t.batch_uuid FROM play_triggers t WHERE t.play_uuid = p.uuid ORDER BY t.created_at DESC, t.batch_uuid LIMIT 1)`;

function toPlay(row: Row): StoredPlay {
  return {
    uuid: row.uuid,
    workspaceUuid: row.workspace_uuid,
    workflowUuid: row.workflow_uuid,
    name: row.name,
    description: row.description,
    modelUuid: row.model_uuid,
    segmentUuid: row.segment_uuid,
    changeKinds: JSON.parse(row.change_kinds_json) as PlayChangeKind[],
    runCreationRule: row.run_creation_rule,
    isEnabled: Number(row.is_enabled) === 1,
    schedule: row.schedule_json ? (JSON.parse(row.schedule_json) as PlaySchedule) : null,
    healthThreshold: row.health_threshold === null ? null : Number(row.health_threshold),
    pausedReason: row.paused_reason,
    notice: row.notice,
    deployedRelease:
      row.deployed_release_uuid && row.release_version
        ? { uuid: row.deployed_release_uuid, version: row.release_version, description: row.release_description ?? "", deployedAt: row.release_deployed_at ?? "" }
        : null,
    lastBatch: row.batch_uuid && row.batch_status ? { uuid: row.batch_uuid, status: row.batch_status, createdAt: row.batch_created_at ?? "" } : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const fieldValues = (fields: PlayFields): SqlValue[] => [
  fields.name,
  fields.description,
  fields.modelUuid,
  fields.segmentUuid,
  JSON.stringify(fields.changeKinds),
  fields.runCreationRule,
  fields.isEnabled ? 1 : 0,
  fields.schedule ? JSON.stringify(fields.schedule) : null,
  fields.healthThreshold,
];

/** Plays, with the triggers that started their batches and their enrollments (`play-triggers.ts`). */
export function playRepository(db: SqlClient) {
  const get = async (workspaceUuid: string, uuid: string): Promise<StoredPlay | null> => {
    const row = await db.get<Row>(`${SELECT} WHERE p.workspace_uuid = ? AND p.uuid = ?`, [workspaceUuid, uuid]);
    return row ? toPlay(row) : null;
  };
  return {
    ...playTriggerRepository(db),
    get,

    /** Newest first. */
    async list(workspaceUuid: string): Promise<StoredPlay[]> {
      return (await db.all<Row>(`${SELECT} WHERE p.workspace_uuid = ? ORDER BY p.created_at DESC, p.uuid`, [workspaceUuid])).map(toPlay);
    },

    /** The enabled, unpaused plays over a model: those a sync of it may start. */
    async listRunnable(workspaceUuid: string, modelUuid: string): Promise<StoredPlay[]> {
      const rows = await db.all<Row>(`${SELECT} WHERE p.workspace_uuid = ? AND p.model_uuid = ? AND p.is_enabled = 1 AND p.paused_reason IS NULL ORDER BY p.uuid`, [
        workspaceUuid,
        modelUuid,
      ]);
      return rows.map(toPlay);
    },

    /** A play by uuid alone: a schedule's tick knows its play, not its workspace. */
    async find(uuid: string): Promise<StoredPlay | null> {
      const row = await db.get<Row>(`${SELECT} WHERE p.uuid = ?`, [uuid]);
      return row ? toPlay(row) : null;
    },

    /** The enabled plays with a schedule, in every workspace: those a worker keeps a cron job for. */
    async listScheduled(): Promise<Array<{ uuid: string; cron: string }>> {
      const rows = await db.all<{ uuid: string; schedule_json: string }>(
        `SELECT uuid, schedule_json FROM plays WHERE is_enabled = 1 AND schedule_json IS NOT NULL ORDER BY uuid`,
      );
      return rows.map((row) => ({ uuid: row.uuid, cron: (JSON.parse(row.schedule_json) as NonNullable<PlaySchedule>).cron }));
    },

    /** The play's uuid over a workflow, or null. */
    async byWorkflow(workspaceUuid: string, workflowUuid: string): Promise<string | null> {
      const row = await db.get<{ uuid: string }>(`SELECT uuid FROM plays WHERE workspace_uuid = ? AND workflow_uuid = ?`, [workspaceUuid, workflowUuid]);
      return row?.uuid ?? null;
    },

    /** The names of the plays over a segment. */
    async namesUsingSegment(workspaceUuid: string, segmentUuid: string): Promise<string[]> {
      const rows = await db.all<{ name: string }>(`SELECT name FROM plays WHERE workspace_uuid = ? AND segment_uuid = ? ORDER BY name`, [workspaceUuid, segmentUuid]);
      return rows.map((row) => row.name);
    },

    /** The play's uuid; a workflow that has a play already fails on the unique index (the caller answers 409). */
    async create(workspaceUuid: string, workflowUuid: string, fields: PlayFields, now = new Date().toISOString()): Promise<string> {
      const uuid = randomUUID();
      await db.run(
        `INSERT INTO plays (uuid, workspace_uuid, workflow_uuid, name, description, model_uuid, segment_uuid, change_kinds_json, run_creation_rule,
           is_enabled, schedule_json, health_threshold, health_since, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [uuid, workspaceUuid, workflowUuid, ...fieldValues(fields), now, now, now],
      );
      return uuid;
    },

    async update(workspaceUuid: string, uuid: string, fields: PlayFields): Promise<boolean> {
      const { changes: count } = await db.run(
        `UPDATE plays SET name = ?, description = ?, model_uuid = ?, segment_uuid = ?, change_kinds_json = ?, run_creation_rule = ?, is_enabled = ?,
           schedule_json = ?, health_threshold = ?, updated_at = ? WHERE workspace_uuid = ? AND uuid = ?`,
        [...fieldValues(fields), new Date().toISOString(), workspaceUuid, uuid],
      );
      return count > 0;
    },

    /**
     * Enabling clears a pause and a notice, and starts the health window afresh: the operator has
     * looked at the play, and the runs that paused it would otherwise pause it again at once.
     */
    async setEnabled(workspaceUuid: string, uuid: string, isEnabled: boolean): Promise<boolean> {
      const now = new Date().toISOString();
      const clear = isEnabled ? ", paused_reason = NULL, notice = NULL, health_since = ?" : "";
      const { changes: count } = await db.run(`UPDATE plays SET is_enabled = ?, updated_at = ?${clear} WHERE workspace_uuid = ? AND uuid = ?`, [
        isEnabled ? 1 : 0,
        now,
        ...(isEnabled ? [now] : []),
        workspaceUuid,
        uuid,
      ]);
      return count > 0;
    },

    /** Pauses a play that is not paused yet; the first reason stays. */
    async pause(uuid: string, reason: string): Promise<void> {
      await db.run(`UPDATE plays SET paused_reason = ? WHERE uuid = ? AND paused_reason IS NULL`, [reason, uuid]);
    },

    async setNotice(uuid: string, notice: string | null): Promise<void> {
      await db.run(`UPDATE plays SET notice = ? WHERE uuid = ?`, [notice, uuid]);
    },

    async remove(workspaceUuid: string, uuid: string): Promise<boolean> {
      return (await db.run(`DELETE FROM plays WHERE workspace_uuid = ? AND uuid = ?`, [workspaceUuid, uuid])).changes > 0;
    },
  };
}
