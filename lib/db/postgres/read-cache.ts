import type { SqlRow } from "../sql-client";

/**
 * The tables whose reads may be answered from memory on Postgres: what every API call and every
 * run reads before it starts (the token and its creator's role, the workflow with its release and
 * play, the catalog's version) and what is rarely written. A trigger on each (migration
 * `change-notifications`) tells every process of a change (`LISTEN relay_changes`); the process
 * that writes also forgets at once, without waiting for its own notification.
 */
export const WATCHED_TABLES = ["api_tokens", "memberships", "workflows", "releases", "plays", "custom_integrations", "connectors"] as const;
const WATCHED = new Set<string>(WATCHED_TABLES);

/** The channel the `change-notifications` migration's triggers notify, with the table's name. */
export const CHANGES_CHANNEL = "relay_changes";

/** Any change to the watched tables, or a notification that may have been missed. */
export const ALL_TABLES = "*";

/** How long an answer is kept at most, so a change missed in a way nobody noticed is not kept for ever. */
const MAX_AGE_MS = 5_000;
const MAX_ENTRIES = 2_000;

interface Entry {
  rows: readonly SqlRow[];
  tables: readonly string[];
  storedAt: number;
}

/**
 * Rows of `SELECT`s over watched tables, remembered until one of their tables changes. Each table
 * has a generation, moved by every change heard of; a read remembers its answer only if none of
 * its tables moved while it was in flight, so an answer read before a change and returned after
 * it is never kept. While nothing listens (before `LISTEN` is in place, after its connection
 * broke) every read goes to the database.
 */
export class ReadCache {
  readonly #entries = new Map<string, Entry>();
  readonly #generations = new Map<string, number>();
  #epoch = 0;
  #listening = false;

  constructor(private readonly now: () => number = Date.now) {}

  /** Whether answers are kept: only while changes are heard of. */
  get listening(): boolean {
    return this.#listening;
  }

  /** Called as the listening connection comes and goes; either way, nothing remembered is kept. */
  setListening(listening: boolean): void {
    this.#listening = listening;
    this.changed(ALL_TABLES);
  }

  /** Forgets every answer that read `table` (or every answer). */
  changed(table: string): void {
    if (table === ALL_TABLES) {
      this.#epoch++;
      this.#entries.clear();
      return;
    }
    if (!WATCHED.has(table)) return;
    this.#generations.set(table, (this.#generations.get(table) ?? 0) + 1);
    for (const [key, entry] of this.#entries) if (entry.tables.includes(table)) this.#entries.delete(key);
  }

  /** The rows `load` reads for `sql` and `params`, from memory when nothing they read has changed. */
  async read(sql: string, params: readonly unknown[], load: () => Promise<SqlRow[]>): Promise<readonly SqlRow[]> {
    const tables = tablesReadBy(sql);
    if (!this.#listening) return load();
    const key = `${sql}\u0000${JSON.stringify(params)}`;
    const entry = this.#entries.get(key);
    if (entry && this.now() - entry.storedAt < MAX_AGE_MS) return entry.rows;
    const before = this.#version(tables);
    const rows = await load();
    if (this.#listening && this.#version(tables) === before) {
      this.#entries.delete(key);
      if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
      this.#entries.set(key, { rows: Object.freeze(rows.map((row) => Object.freeze(row))), tables, storedAt: this.now() });
    }
    return rows;
  }

  #version(tables: readonly string[]): string {
    return `${this.#epoch}:${tables.map((table) => this.#generations.get(table) ?? 0).join(",")}`;
  }
}

const readTables = new Map<string, readonly string[]>();

/**
 * The tables a cached `SELECT` reads (every name after FROM or JOIN). A statement that reads a
 * table nobody is told about when it changes is a programming error, thrown at its first call.
 */
export function tablesReadBy(sql: string): readonly string[] {
  let tables = readTables.get(sql);
  if (tables) return tables;
  if (!/^\s*SELECT\b/i.test(sql)) throw new Error(`Only a SELECT can be answered from memory: ${sql.slice(0, 60)}`);
  tables = [...new Set([...sql.matchAll(/\b(?:FROM|JOIN)\s+([a-z_][a-z0-9_]*)/gi)].map((match) => match[1]!.toLowerCase()))];
  const unwatched = tables.filter((table) => !WATCHED.has(table));
  if (unwatched.length > 0 || tables.length === 0) {
    throw new Error(`A read answered from memory must read only tables whose changes are heard of (${WATCHED_TABLES.join(", ")}); this one reads ${unwatched.join(", ") || "none"}`);
  }
  readTables.set(sql, tables);
  return tables;
}

const writtenTables = new Map<string, readonly string[]>();

/**
 * The watched tables a statement may change, so the process that sends it forgets their answers
 * at once: none for a `SELECT`; for any other statement, every watched table it names, or all of
 * them for a `DELETE` (a delete can cascade into watched tables it does not name) and for schema
 * changes.
 */
export function tablesWrittenBy(sql: string): readonly string[] {
  let tables = writtenTables.get(sql);
  if (tables) return tables;
  if (/^\s*SELECT\b/i.test(sql)) tables = [];
  else if (/\b(?:DELETE|TRUNCATE|DROP|ALTER)\b/i.test(sql)) tables = [ALL_TABLES];
  else tables = WATCHED_TABLES.filter((table) => new RegExp(`\\b${table}\\b`, "i").test(sql));
  if (writtenTables.size < 5_000) writtenTables.set(sql, tables);
  return tables;
}
