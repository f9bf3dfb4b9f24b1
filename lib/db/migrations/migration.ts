/**
 * A statement for one dialect only: most statements are portable SQL, but an index or a column
 * that only one engine needs (or can express) is written for that engine alone.
 */
export interface DialectStatement {
  dialect: "sqlite" | "postgres";
  sql: string;
}

/** One schema change. Append only: never edit a migration that has shipped. */
export interface Migration {
  version: number;
  name: string;
  statements: ReadonlyArray<string | DialectStatement>;
}
