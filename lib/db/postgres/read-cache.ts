import type { SqlRow } from "../sql-client";
import { ALL_TABLES, tablesReadBy, WATCHED_TABLES } from "../watched-tables";

const WATCHED = new Set<string>(WATCHED_TABLES);

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

