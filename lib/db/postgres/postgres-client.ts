import pg from "pg";
import type { SqlClient, SqlRow, SqlValue } from "../sql-client";

/** int8 (COUNT(*), SUM) arrives as a string by default; every count the app reads fits a double. */
const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * A `SqlClient` over a pool of Postgres connections (`DATABASE_POOL_SIZE`, default 20: a run in
 * flight holds one for each of its statements, and 8 runs at once with their requests need more
 * than 10). Repositories write SQLite-style `?`
 * placeholders; they are rewritten to `$1…$n` once per statement text and cached.
 */
export function openPostgresClient(url: string, { max = Number(process.env.DATABASE_POOL_SIZE) || 20 }: { max?: number } = {}): SqlClient & { pool: pg.Pool } {
  // A query waits at most 10 s for a free connection, then fails with a message, rather than hanging.
  const pool = new pg.Pool({ connectionString: url, max, types, connectionTimeoutMillis: 10_000 });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on("error", (error) => console.warn(`[db] idle Postgres connection failed: ${error.message}`));
  const base = wrap((text, values) => pool.query(text, values as unknown[]));
  return {
    ...base,
    pool,
    async transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
      const connection = await pool.connect();
      let broken = false;
      try {
        await connection.query("BEGIN");
        const tx: SqlClient = {
          ...wrap((text, values) => connection.query(text, values as unknown[])),
          // A nested call joins the outer transaction, as on SQLite.
          transaction: (inner) => inner(tx),
          close: async () => undefined,
        };
        const result = await work(tx);
        await connection.query("COMMIT");
        return result;
      } catch (error) {
        await connection.query("ROLLBACK").catch(() => (broken = true));
        throw error;
      } finally {
        connection.release(broken);
      }
    },
    async close() {
      await pool.end();
    },
  };
}

type Query = (text: string, values: readonly SqlValue[]) => Promise<pg.QueryResult>;

function wrap(query: Query): Omit<SqlClient, "transaction" | "close"> {
  return {
    dialect: "postgres",
    async all<T extends SqlRow>(sql: string, params: readonly SqlValue[] = []) {
      return (await query(toPositional(sql), params)).rows as T[];
    },
    async get<T extends SqlRow>(sql: string, params: readonly SqlValue[] = []) {
      return (await query(toPositional(sql), params)).rows[0] as T | undefined;
    },
    async run(sql: string, params: readonly SqlValue[] = []) {
      return { changes: (await query(toPositional(sql), params)).rowCount ?? 0 };
    },
  };
}

const rewritten = new Map<string, string>();

/** `?` → `$n`, leaving question marks inside quoted strings and identifiers alone. */
export function toPositional(sql: string): string {
  const cached = rewritten.get(sql);
  if (cached !== undefined) return cached;
  let out = "";
  let index = 0;
  let quote: string | null = null;
  for (const char of sql) {
    if (quote) {
      if (char === quote) quote = null;
      out += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      out += char;
    } else if (char === "?") {
      out += `$${++index}`;
    } else {
      out += char;
    }
  }
  if (rewritten.size < 5_000) rewritten.set(sql, out);
  return out;
}
