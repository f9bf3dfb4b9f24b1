/**
 * The tables whose reads may be answered from memory: what every API call and every
 * run reads before it starts (the token and its creator's role, the workflow with its release and
 * play, the catalog's version) and what is rarely written. A trigger on each (migration
 * `change-notifications`) tells every process of a change (`LISTEN relay_changes`); the process
 * that writes also forgets at once, without waiting for its own notification (`read-cache.ts`);
 * on SQLite, the connection's own writes and `PRAGMA data_version` tell it.
 */
export const WATCHED_TABLES = ["api_tokens", "memberships", "workflows", "releases", "plays", "custom_integrations", "connectors"] as const;
const WATCHED = new Set<string>(WATCHED_TABLES);

/** Whether a table's changes are heard of (a notification's payload may name any table). */
export const isWatchedTable = (table: string): boolean => WATCHED.has(table);

/** The channel the `change-notifications` migration's triggers notify, with the table's name. */
export const CHANGES_CHANNEL = "relay_changes";

/** Any change to the watched tables, or a notification that may have been missed. */
export const ALL_TABLES = "*";

const readTables = new Map<string, readonly string[]>();

/** A table's name as a statement may write it: `ONLY`, a schema and quotes are dropped. */
const TABLE_NAME = String.raw`(?:ONLY\s+)?(?:["\x60[]?[a-z_][a-z0-9_]*["\x60\]]?\.)?["\x60[]?([a-z_][a-z0-9_]*)["\x60\]]?`;

/**
 * The tables a cached `SELECT` reads (every name after FROM or JOIN). A statement that reads a
 * table nobody is told about when it changes is a programming error, thrown at its first call,
 * and so is a list of tables after FROM (`FROM a, b`), which this would not see whole.
 */
export function tablesReadBy(sql: string): readonly string[] {
  let tables = readTables.get(sql);
  if (tables) return tables;
  if (!/^\s*SELECT\b/i.test(sql)) throw new Error(`Only a SELECT can be answered from memory: ${sql.slice(0, 60)}`);
  if (/\bFROM\s+[a-z_][a-z0-9_.]*(?:\s+(?:AS\s+)?[a-z_][a-z0-9_]*)?\s*,/i.test(sql)) throw new Error(`Write JOIN, not a list of tables, in a read answered from memory: ${sql.slice(0, 60)}`);
  tables = [...new Set([...sql.matchAll(new RegExp(String.raw`\b(?:FROM|JOIN)\s+${TABLE_NAME}`, "gi"))].map((match) => match[1]!.toLowerCase()))];
  const unwatched = tables.filter((table) => !WATCHED.has(table));
  if (unwatched.length > 0 || tables.length === 0) {
    throw new Error(`A read answered from memory must read only tables whose changes are heard of (${WATCHED_TABLES.join(", ")}); this one reads ${unwatched.join(", ") || "none"}`);
  }
  readTables.set(sql, tables);
  return tables;
}

/**
 * Tables whose deleted rows reach watched rows through `ON DELETE CASCADE` or `SET NULL` (a
 * deleted user's tokens lose their creator, a deleted workflow its releases and play). Kept
 * whole by a test that reads the migrations.
 */
export const CASCADE_ROOTS: ReadonlySet<string> = new Set(["workspaces", "users", "workflows", "models"]);

const writtenTables = new Map<string, readonly string[]>();

/**
 * The watched tables a statement may change, so the process that sends it forgets their answers
 * at once: none for a `SELECT`; every watched table it inserts into, updates or deletes from;
 * all of them for a delete from a cascade root and for a schema change.
 */
export function tablesWrittenBy(sql: string): readonly string[] {
  let tables = writtenTables.get(sql);
  if (tables) return tables;
  const statement = sql.replace(LEADING_COMMENTS, "");
  if (/^SELECT\b/i.test(statement)) tables = [];
  else if (/^(?:CREATE|ALTER|DROP)\b/i.test(statement)) tables = [ALL_TABLES];
  else {
    const found = new Set<string>();
    for (const [verb, table] of writeTargets(statement)) {
      if (WATCHED.has(table)) found.add(table);
      if (CASCADE_ROOTS.has(table) && !/^(?:INSERT|UPDATE|REPLACE)/i.test(verb)) found.add(ALL_TABLES);
    }
    tables = found.has(ALL_TABLES) ? [ALL_TABLES] : [...found];
  }
  if (writtenTables.size < 5_000) writtenTables.set(sql, tables);
  return tables;
}

/**
 * Whether a statement names the table it writes, as `tablesWrittenBy` reads it (a schema change
 * counts): a statement known to write that does not (a `PRAGMA`, a form the pattern misses) must
 * be taken to change anything.
 */
export function namesWhatItWrites(sql: string): boolean {
  const statement = sql.replace(LEADING_COMMENTS, "");
  return /^(?:CREATE|ALTER|DROP)\b/i.test(statement) || writeTargets(statement).length > 0;
}

const LEADING_COMMENTS = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/;
/** INSERT (OR REPLACE/IGNORE…) INTO, REPLACE INTO, UPDATE (OR …), DELETE FROM, TRUNCATE, MERGE INTO. */
const WRITE = new RegExp(
  String.raw`\b(INSERT\s+(?:OR\s+[a-z]+\s+)?INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+[a-z]+)?|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?|MERGE\s+INTO)\s+${TABLE_NAME}`,
  "gi",
);

/** Every verb and target table (lower-cased) of the writes a statement holds. */
function writeTargets(statement: string): Array<[verb: string, table: string]> {
  return [...statement.matchAll(WRITE)].map((match) => [match[1]!, match[2]!.toLowerCase()]);
}
