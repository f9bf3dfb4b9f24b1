import { INTEGRATION_CALLS_KEPT, type IntegrationCall, type IntegrationCallStatusFilter } from "@/lib/contract";
import type { SqlClient, SqlValue } from "../sql-client";
import { postgresSafe } from "./model-records";

/** A call to store: already redacted (lib/server's recorder), its uuid given by the caller. */
export type NewIntegrationCall = IntegrationCall;

/** Whose calls: one integration server's, or one connector's (of whichever server). */
export type IntegrationCallScope = { customIntegrationUuid: string } | { connectorUuid: string };

export interface IntegrationCallFilter {
  endpoint?: string;
  status?: IntegrationCallStatusFilter;
  /** Case-insensitive text in the URL, the request id or either body. */
  search?: string;
  limit?: number;
}

const COLUMNS = [
  "uuid", "workspace_uuid", "custom_integration_uuid", "integration_slug", "connector_uuid", "method", "endpoint", "url", "status", "error_kind",
  "error_message", "duration_ms", "request_id", "request_headers_json", "request_body", "response_body", "request_bytes", "response_bytes", "created_at",
] as const;
/** Rows per INSERT, well under both engines' parameter limits. */
const CHUNK = 100;

interface Row {
  [column: string]: unknown;
  uuid: string;
  workspace_uuid: string;
  custom_integration_uuid: string;
  integration_slug: string;
  connector_uuid: string | null;
  method: string;
  endpoint: string;
  url: string;
  status: number | null;
  error_kind: string | null;
  error_message: string | null;
  duration_ms: number;
  request_id: string;
  request_headers_json: string;
  request_body: string | null;
  response_body: string | null;
  request_bytes: number | null;
  response_bytes: number | null;
  created_at: string;
}

const toCall = (row: Row): IntegrationCall => ({
  uuid: row.uuid,
  workspaceUuid: row.workspace_uuid,
  customIntegrationUuid: row.custom_integration_uuid,
  integrationSlug: row.integration_slug,
  connectorUuid: row.connector_uuid,
  method: row.method as IntegrationCall["method"],
  endpoint: row.endpoint,
  url: row.url,
  status: row.status === null ? null : Number(row.status),
  errorKind: row.error_kind,
  errorMessage: row.error_message,
  durationMs: Number(row.duration_ms),
  requestId: row.request_id,
  requestHeaders: JSON.parse(row.request_headers_json) as Record<string, string>,
  requestBody: row.request_body,
  responseBody: row.response_body,
  requestBytes: row.request_bytes === null ? null : Number(row.request_bytes),
  responseBytes: row.response_bytes === null ? null : Number(row.response_bytes),
  createdAt: row.created_at,
});

const valuesOf = (call: NewIntegrationCall): SqlValue[] =>
  postgresSafe([
    call.uuid, call.workspaceUuid, call.customIntegrationUuid, call.integrationSlug, call.connectorUuid, call.method, call.endpoint, call.url, call.status,
    call.errorKind, call.errorMessage, call.durationMs, call.requestId, JSON.stringify(call.requestHeaders), call.requestBody, call.responseBody,
    call.requestBytes, call.responseBytes, call.createdAt,
  ]);

/** The WHERE clause of a scope and filter, every value a parameter. */
function whereOf(workspaceUuid: string, scope: IntegrationCallScope, filter: Omit<IntegrationCallFilter, "limit">) {
  const conditions: string[] = [];
  const params: SqlValue[] = [];
  const add = (sql: string, ...values: SqlValue[]) => {
    conditions.push(sql);
    params.push(...values);
  };
  add("workspace_uuid = ?", workspaceUuid);
  if ("connectorUuid" in scope) add("connector_uuid = ?", scope.connectorUuid);
  else add("custom_integration_uuid = ?", scope.customIntegrationUuid);
  if (filter.endpoint) add("endpoint = ?", filter.endpoint);
  const status = filter.status;
  if (status === "error") add("status IS NULL");
  else if (status?.endsWith("xx")) add("status >= ? AND status < ?", Number(status[0]) * 100, Number(status[0]) * 100 + 100);
  else if (status) add("status = ?", Number(status));
  if (filter.search) {
    // LOWER on both sides: SQLite's LIKE ignores ASCII case, Postgres' does not.
    const pattern = `%${filter.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const columns = ["url", "request_id", "request_body", "response_body"];
    add(`(${columns.map((column) => `LOWER(${column}) LIKE ? ESCAPE '\\'`).join(" OR ")})`, ...columns.map(() => pattern));
  }
  return { sql: conditions.join(" AND "), params };
}

/** The request inspector's calls: the last `INTEGRATION_CALLS_KEPT` per integration server. */
export function integrationCallRepository(db: SqlClient) {
  return {
    /**
     * Stores calls and prunes each server they went to down to its newest `keep`. Calls of a
     * server removed meanwhile are dropped rather than failing the rest (the foreign key would).
     */
    async insertMany(calls: readonly NewIntegrationCall[], { keep = INTEGRATION_CALLS_KEPT }: { keep?: number } = {}): Promise<void> {
      const servers = [...new Set(calls.map((call) => call.customIntegrationUuid))];
      if (servers.length === 0) return;
      const existing = await db.all<{ uuid: string }>(`SELECT uuid FROM custom_integrations WHERE uuid IN (${servers.map(() => "?").join(", ")})`, servers);
      const kept = new Set(existing.map((row) => row.uuid));
      const rows = calls.filter((call) => kept.has(call.customIntegrationUuid));
      for (let start = 0; start < rows.length; start += CHUNK) {
        const part = rows.slice(start, start + CHUNK);
        const marks = `(${COLUMNS.map(() => "?").join(", ")})`;
        await db.run(`INSERT INTO integration_calls (${COLUMNS.join(", ")}) VALUES ${part.map(() => marks).join(", ")}`, part.flatMap(valuesOf));
      }
      for (const server of kept) {
        await db.run(
          `DELETE FROM integration_calls WHERE custom_integration_uuid = ? AND id NOT IN (
             SELECT id FROM integration_calls WHERE custom_integration_uuid = ? ORDER BY created_at DESC, id DESC LIMIT ?)`,
          [server, server, keep],
        );
      }
    },

    /** Newest first. */
    async list(workspaceUuid: string, scope: IntegrationCallScope, { limit = INTEGRATION_CALLS_KEPT, ...filter }: IntegrationCallFilter = {}): Promise<IntegrationCall[]> {
      const where = whereOf(workspaceUuid, scope, filter);
      const rows = await db.all<Row>(`SELECT * FROM integration_calls WHERE ${where.sql} ORDER BY created_at DESC, id DESC LIMIT ?`, [...where.params, limit]);
      return rows.map(toCall);
    },

    /** Every endpoint among the scope's calls, sorted: the inspector's endpoint filter. */
    async endpoints(workspaceUuid: string, scope: IntegrationCallScope): Promise<string[]> {
      const where = whereOf(workspaceUuid, scope, {});
      const rows = await db.all<{ endpoint: string }>(`SELECT DISTINCT endpoint FROM integration_calls WHERE ${where.sql} ORDER BY endpoint`, where.params);
      return rows.map((row) => row.endpoint);
    },
  };
}

export type IntegrationCallRepository = ReturnType<typeof integrationCallRepository>;
