import {
  INTEGRATION_CALLS_KEPT,
  integrationCallFailure,
  type IntegrationCall,
  type IntegrationCallScope,
  type IntegrationCallSummary,
  type ListIntegrationCallsQuery,
} from "@/lib/contract";
import type { SqlClient, SqlValue } from "../sql-client";
import { postgresSafe } from "./model-records";

/** A call to store: already redacted (lib/server's recorder), its uuid given by the caller. */
export type NewIntegrationCall = IntegrationCall;

const COLUMNS = [
  "uuid", "workspace_uuid", "custom_integration_uuid", "integration_slug", "connector_uuid", "method", "endpoint", "url", "status", "error_kind",
  "error_message", "duration_ms", "request_id", "request_headers_json", "request_body", "response_body", "request_bytes", "response_bytes", "created_at",
] as const;
const INTEGER_COLUMNS = new Set(["status", "duration_ms", "request_bytes", "response_bytes"]);
/** One row of an `INSERT … SELECT` (Postgres types a bare parameter there as text: integers are cast). */
const ROW_MARKS = `(${COLUMNS.map((column) => (INTEGER_COLUMNS.has(column) ? "CAST(? AS INTEGER)" : "?")).join(", ")})`;
/** What the list reads: no headers, no bodies, but a refusal's body, which its failure line comes from. */
const SUMMARY_COLUMNS = [
  ...COLUMNS.filter((column) => !["request_headers_json", "request_body", "response_body"].includes(column)),
  "CASE WHEN status >= 400 AND error_message IS NULL THEN response_body END AS response_body",
].join(", ");
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

/** A row of the list query: `request_headers_json` and `request_body` are not read, `response_body` only for a refusal. */
const toSummary = (row: Row): IntegrationCallSummary => ({
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
  requestBytes: row.request_bytes === null ? null : Number(row.request_bytes),
  responseBytes: row.response_bytes === null ? null : Number(row.response_bytes),
  createdAt: row.created_at,
  failure: integrationCallFailure({ status: row.status === null ? null : Number(row.status), errorMessage: row.error_message, responseBody: row.response_body }),
});

const toCall = (row: Row): IntegrationCall => {
  const { failure: _, ...summary } = toSummary(row);
  return {
    ...summary,
    requestHeaders: JSON.parse(row.request_headers_json) as Record<string, string>,
    requestBody: row.request_body,
    responseBody: row.response_body,
  };
};

const valuesOf = (call: NewIntegrationCall): SqlValue[] =>
  postgresSafe([
    call.uuid, call.workspaceUuid, call.customIntegrationUuid, call.integrationSlug, call.connectorUuid, call.method, call.endpoint, call.url, call.status,
    call.errorKind, call.errorMessage, call.durationMs, call.requestId, JSON.stringify(call.requestHeaders), call.requestBody, call.responseBody,
    call.requestBytes, call.responseBytes, call.createdAt,
  ]);

/** The WHERE clause of a scope and filter, every value a parameter. */
function whereOf(workspaceUuid: string, scope: IntegrationCallScope, filter: Partial<ListIntegrationCallsQuery>) {
  const conditions: string[] = [];
  const params: SqlValue[] = [];
  const add = (sql: string, ...values: SqlValue[]) => {
    conditions.push(sql);
    params.push(...values);
  };
  add("workspace_uuid = ?", workspaceUuid);
  add(scope.kind === "connector" ? "connector_uuid = ?" : "custom_integration_uuid = ?", scope.uuid);
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
  // Postgres: the server's row is locked against a delete until the insert commits. SQLite needs
  // no lock: the statement is atomic and its one connection writes one statement at a time.
  const serverExists = `EXISTS (SELECT 1 FROM custom_integrations WHERE uuid = ?${db.dialect === "postgres" ? " FOR KEY SHARE" : ""})`;

  return {
    /**
     * Stores calls and prunes each server they went to down to its newest `keep`. The check that
     * a call's server still exists is part of the statement that inserts it, so a server removed
     * meanwhile loses its calls without failing the others' (the foreign key would).
     */
    async insertMany(calls: readonly NewIntegrationCall[], { keep = INTEGRATION_CALLS_KEPT }: { keep?: number } = {}): Promise<void> {
      const servers = new Map<string, NewIntegrationCall[]>();
      for (const call of calls) servers.set(call.customIntegrationUuid, [...(servers.get(call.customIntegrationUuid) ?? []), call]);
      for (const [server, rows] of servers) {
        for (let start = 0; start < rows.length; start += CHUNK) {
          const part = rows.slice(start, start + CHUNK);
          await db.run(
            `INSERT INTO integration_calls (${COLUMNS.join(", ")})
             SELECT * FROM (VALUES ${part.map(() => ROW_MARKS).join(", ")}) AS new_calls WHERE ${serverExists}`,
            [...part.flatMap(valuesOf), server],
          );
        }
        await db.run(
          `DELETE FROM integration_calls WHERE custom_integration_uuid = ? AND id NOT IN (
             SELECT id FROM integration_calls WHERE custom_integration_uuid = ? ORDER BY created_at DESC, id DESC LIMIT ?)`,
          [server, server, keep],
        );
      }
    },

    /** Newest first, without headers and bodies (the `search` still looks into the bodies). */
    async list(workspaceUuid: string, scope: IntegrationCallScope, { limit = INTEGRATION_CALLS_KEPT, ...filter }: Partial<ListIntegrationCallsQuery> = {}): Promise<IntegrationCallSummary[]> {
      const where = whereOf(workspaceUuid, scope, filter);
      const rows = await db.all<Row>(`SELECT ${SUMMARY_COLUMNS} FROM integration_calls WHERE ${where.sql} ORDER BY created_at DESC, id DESC LIMIT ?`, [...where.params, limit]);
      return rows.map(toSummary);
    },

    /** One call in full, when it is the scope's. */
    async get(workspaceUuid: string, scope: IntegrationCallScope, uuid: string): Promise<IntegrationCall | null> {
      const where = whereOf(workspaceUuid, scope, {});
      const row = await db.get<Row>(`SELECT ${COLUMNS.join(", ")} FROM integration_calls WHERE ${where.sql} AND uuid = ?`, [...where.params, uuid]);
      return row ? toCall(row) : null;
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
