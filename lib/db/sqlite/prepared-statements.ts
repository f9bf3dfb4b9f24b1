import type BetterSqlite3 from "better-sqlite3";

/**
 * The connection's statements, compiled once per text: compiling one costs more than running most
 * of ours, and the texts are a fixed set (kept up to 5,000, should a caller build texts freely).
 */
export function preparedStatements(db: BetterSqlite3.Database): (sql: string) => BetterSqlite3.Statement {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return (sql) => {
    let statement = statements.get(sql);
    if (!statement) {
      // A group commit relies on a failed statement being undone alone; OR FAIL keeps its rows.
      if (/\bOR\s+FAIL\b|\bON\s+CONFLICT\s+FAIL\b/i.test(sql)) throw new Error(`OR FAIL is not allowed (a failed write must leave nothing): ${sql.slice(0, 60)}`);
      statement = db.prepare(sql);
      if (statements.size < 5_000) statements.set(sql, statement);
    }
    return statement;
  };
}
