/** A row as the driver returns it: column name → value. Never leaves lib/db. */
export type SqlRow = Record<string, unknown>;
export type SqlValue = string | number | bigint | null | Uint8Array;

/**
 * Input the database cannot store as it is: text holding U+0000, which Postgres's text refuses
 * (SQLite keeps it). The caller's input is at fault, so the API answers 400 with this message.
 */
export class TextNotStorableError extends Error {
  constructor(options?: { cause?: unknown }) {
    super("Text may not contain the NUL character (U+0000)", options);
    this.name = "TextNotStorableError";
  }
}

/**
 * An SQL expression and its parameters that another module asks a repository to evaluate in the
 * statement it writes with (Postgres: a job added or removed in the statement that writes its
 * run, atomic as one statement is, and one round trip instead of a transaction's four).
 */
export interface SqlExpression {
  sql: string;
  params: readonly SqlValue[];
}

/**
 * The only surface repositories use. Async so a Postgres driver fits behind it; SQL uses `?`
 * placeholders and portable types (TEXT, INTEGER), which a Postgres client rewrites to `$n`.
 */
export interface SqlClient {
  readonly dialect: "sqlite" | "postgres";
  all<T extends SqlRow = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T extends SqlRow = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
  /**
   * `all` for a `SELECT` asked far more often than its tables change (the API token, the workflow
   * and the catalog's version, read before every run). It is answered from memory until a change
   * to one of the tables it reads is heard of (`read-cache.ts`): on Postgres by `NOTIFY`, on
   * SQLite by the connection's own writes and `PRAGMA data_version`. Inside a transaction it is
   * `all`. The rows may be shared and are frozen: map them, never change them.
   */
  allCached<T extends SqlRow = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<readonly T[]>;
  /** Runs `work` atomically; a thrown error rolls everything back. */
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
