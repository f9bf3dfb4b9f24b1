import type { SqlRow } from "./sql-client";
import { ALL_TABLES, isWatchedTable, tablesReadBy } from "./watched-tables";

/** How long an answer is kept at most, so a change missed in a way nobody noticed is not kept for ever. */
const MAX_AGE_MS = 5_000;
const MAX_ENTRIES = 2_000;
/** Answers are kept within this many characters of text in all (a workflow's graph can be megabytes). */
const MAX_CHARS = 16_000_000;

interface Entry {
  rows: readonly SqlRow[];
  tables: readonly string[];
  storedAt: number;
  chars: number;
}

/** The characters of text in `rows`, roughly what they hold in memory. */
function charsOf(rows: readonly SqlRow[]): number {
  let chars = 0;
  for (const row of rows) for (const value of Object.values(row)) chars += typeof value === "string" ? value.length : 8;
  return chars;
}

/**
 * Rows of `SELECT`s over watched tables, remembered until one of their tables changes. Each table
 * has a generation, moved by every change heard of; a read remembers its answer only if none of
 * its tables moved while it was in flight, so an answer read before a change and returned after
 * it is never kept. While nothing listens (on Postgres before `LISTEN` is in place, after its
 * connection broke) every read goes to the database. Both clients use it: Postgres hears of
 * other processes' changes by `NOTIFY`, SQLite by `PRAGMA data_version`.
 */
export class ReadCache {
  readonly #entries = new Map<string, Entry>();
  readonly #generations = new Map<string, number>();
  #epoch = 0;
  #listening = false;
  #chars = 0;

  /** `now` is monotonic, so a wall clock set back cannot make an answer young again. */
  constructor(private readonly now: () => number = () => performance.now()) {}

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
      this.#chars = 0;
      return;
    }
    if (!isWatchedTable(table)) return;
    this.#generations.set(table, (this.#generations.get(table) ?? 0) + 1);
    for (const [key, entry] of this.#entries) if (entry.tables.includes(table)) this.#drop(key, entry);
  }

  /**
   * The rows `load` reads for `sql` and `params`, from memory when nothing they read has changed.
   * No rows is never kept: unknown tokens sent by anyone must not push the known ones out.
   */
  async read(sql: string, params: readonly unknown[], load: () => Promise<SqlRow[]>): Promise<readonly SqlRow[]> {
    const tables = tablesReadBy(sql);
    if (!this.#listening) return load();
    const key = `${sql}\u0000${JSON.stringify(params)}`;
    const entry = this.#entries.get(key);
    if (entry && this.now() - entry.storedAt < MAX_AGE_MS) return entry.rows;
    if (entry) this.#drop(key, entry);
    const before = this.#version(tables);
    const rows = await load();
    const chars = charsOf(rows);
    if (rows.length > 0 && chars <= MAX_CHARS / 16 && this.#listening && this.#version(tables) === before) {
      const stale = this.#entries.get(key);
      if (stale) this.#drop(key, stale);
      // The oldest go first.
      for (const [oldKey, old] of this.#entries) {
        if (this.#entries.size < MAX_ENTRIES && this.#chars + chars <= MAX_CHARS) break;
        this.#drop(oldKey, old);
      }
      this.#entries.set(key, { rows: Object.freeze(rows.map((row) => Object.freeze(row))), tables, storedAt: this.now(), chars });
      this.#chars += chars;
    }
    return rows;
  }

  #drop(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#chars -= entry.chars;
  }

  #version(tables: readonly string[]): string {
    return `${this.#epoch}:${tables.map((table) => this.#generations.get(table) ?? 0).join(",")}`;
  }
}

