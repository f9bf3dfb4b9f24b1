import { INSERT_COLUMNS, SAVE_COLUMNS } from "./run-rows";

/*
 * The statements that write several runs at once on Postgres (`runs.createMany`, `runs.saveMany`,
 * used by `coalesced-run-writes.ts`), and what their parameters need.
 */

/**
 * Postgres: many runs' rows as one JSON array parameter, each row an object of text columns (the
 * JSON columns as strings inside it, so any text they hold survives, `\u0000` escapes included).
 * Text must be well-formed UTF-16 there (`wellFormed`): a lone surrogate the driver would have
 * sent as U+FFFD in a parameter of its own is invalid JSON.
 */
export const INSERT_MANY_SQL = `INSERT INTO runs (${INSERT_COLUMNS.join(", ")})
  SELECT ${INSERT_COLUMNS.join(", ")} FROM json_to_recordset(?::json) AS v(${INSERT_COLUMNS.map((column) => `${column} text`).join(", ")})`;

/**
 * `save`'s UPDATE for many runs (rows as for INSERT_MANY_SQL, then their uuids as an array), each
 * with its own fence. It never waits for a row lock: the rows are locked first with SKIP LOCKED,
 * and only those are written, so it can neither deadlock with another statement locking several
 * runs in another order (a cancel, a lease renewal) nor hold up the writes batched with it. Its
 * answer has one row per run it locked, `written` or not (cancelled, fenced off); a run it did not
 * lock (held by another transaction, or missing) has none, and is saved alone. The uuid array
 * lets the planner find the rows by the primary key however few rows it thinks the JSON holds.
 */
export const SAVE_MANY_SQL = `WITH v AS (
    SELECT * FROM json_to_recordset(?::json) AS v(${[...SAVE_COLUMNS, "workspace_uuid", "uuid", "lease_owner"].map((column) => `${column} text`).join(", ")}, fenced boolean)
  ), locked AS (
    SELECT r.uuid FROM runs AS r WHERE r.uuid = ANY (?::text[]) FOR UPDATE SKIP LOCKED
  ), written AS (
    UPDATE runs AS r SET ${SAVE_COLUMNS.map((column) => `${column} = v.${column}`).join(", ")},
      lease_owner = CASE WHEN v.status IN ('success', 'error', 'cancelled') THEN NULL ELSE r.lease_owner END,
      lease_expires_at = CASE WHEN v.status IN ('success', 'error', 'cancelled') THEN NULL ELSE r.lease_expires_at END
    FROM v
    WHERE r.uuid = ANY (?::text[]) AND r.uuid IN (SELECT uuid FROM locked)
      AND r.uuid = v.uuid AND r.workspace_uuid = v.workspace_uuid AND (r.status <> 'cancelled' OR v.status = 'cancelled')
      AND (NOT v.fenced OR r.lease_owner = v.lease_owner OR (r.lease_owner IS NULL AND v.status = 'cancelled'))
    RETURNING r.uuid
  )
  SELECT l.uuid, w.uuid IS NOT NULL AS written FROM locked AS l LEFT JOIN written AS w ON w.uuid = l.uuid`;

/**
 * INSERT_MANY_SQL and SAVE_MANY_SQL as one statement (the inserts' rows, then the saves' as for
 * SAVE_MANY_SQL), for runs created and saved at the same moment: one round trip and one commit
 * instead of two. The insert is a data-modifying CTE, run to completion whether read or not; the
 * UPDATE cannot see the rows it inserts, so a batch never holds a run's insert and its save.
 */
export const WRITE_MANY_SQL = `WITH inserted AS (${INSERT_MANY_SQL}), ${SAVE_MANY_SQL.replace(/^WITH /, "")}`;

/** A Postgres array literal of text (`{"a","b"}`), for a list sent as one parameter. */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
}

/** The row with every string well-formed UTF-16 (a lone surrogate becomes U+FFFD, as the driver sends it). */
export function wellFormed<Row extends Record<string, unknown>>(row: Row): Row {
  const out: Record<string, unknown> = { ...row };
  for (const [column, value] of Object.entries(row)) if (typeof value === "string") out[column] = value.toWellFormed();
  return out as Row;
}
