import pg from "pg";
import { TextNotStorableError, type SqlClient, type SqlRow, type SqlValue } from "../sql-client";
import { listenForChanges } from "./change-listener";
import { tablesWrittenBy } from "../watched-tables";
import { ReadCache } from "../read-cache";

/** int8 (COUNT(*), SUM) arrives as a string by default; every count the app reads fits a double. */
const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * A `SqlClient` over a pool of Postgres connections (`DATABASE_POOL_SIZE`, default 20: a run in
 * flight holds one for each of its statements, and 16 runs at once with their requests need more
 * than 10). Repositories write SQLite-style `?`
 * placeholders; they are rewritten to `$1…$n` once per statement text and cached. `allCached`
 * answers from memory while no change to its tables is heard of (`read-cache.ts`).
 */
export function openPostgresClient(
  url: string,
  { max = Number(process.env.DATABASE_POOL_SIZE) || 20 }: { max?: number } = {},
): SqlClient & { pool: pg.Pool; cache: ReadCache } {
  // A query waits at most 10 s for a free connection, then fails with a message, rather than hanging.
  const pool = new pg.Pool({ connectionString: url, max, types, connectionTimeoutMillis: 10_000 });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on("error", (error) => console.warn(`[db] idle Postgres connection failed: ${error.message}`));
  const cache = new ReadCache();
  const listener = listenForChanges(url, cache);
  const forget = (tables: Iterable<string>) => {
    for (const table of tables) cache.changed(table);
  };
  const base = wrap((query) => pool.query(query), forget);
  return {
    ...base,
    pool,
    cache,
    async allCached<T extends SqlRow>(sql: string, params: readonly SqlValue[] = []) {
      listener.start();
      return (await cache.read(sql, params, () => base.all(sql, params))) as readonly T[];
    },
    async transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
      const connection = await pool.connect();
      let broken = false;
      // What it wrote is forgotten as it is written, and again once it ends: a read on another
      // connection meanwhile saw the rows as they were before, and must not be kept.
      const written = new Set<string>();
      try {
        await connection.query("BEGIN");
        const tx: SqlClient = {
          ...wrap(
            (query) => connection.query(query),
            (tables) => {
              for (const table of tables) written.add(table);
              forget(tables);
            },
          ),
          allCached: (sql, params) => tx.all(sql, params),
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
        forget(written);
      }
    },
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}

type Query = (query: pg.QueryConfig) => Promise<pg.QueryResult>;

/** `wrote` hears of the watched tables each statement may have changed, once it is done. */
function wrap(query: Query, wrote: (tables: readonly string[]) => void): Omit<SqlClient, "transaction" | "close" | "allCached"> {
  const send = async (sql: string, params: readonly SqlValue[]) => {
    const config = prepared(sql, params);
    try {
      return await query(config);
    } catch (error) {
      // "invalid byte sequence for encoding UTF8: 0x00": a NUL in a text parameter.
      if ((error as { code?: string }).code === "22021") throw new TextNotStorableError({ cause: error });
      // Another process changed the schema under a statement this connection had prepared
      // ("cached plan must not change result type"): from then on that text goes unnamed.
      if (!config.name || (error as { code?: string }).code !== "0A000") throw error;
      names.set(config.text, "");
      return await query({ text: config.text, values: config.values });
    } finally {
      const tables = tablesWrittenBy(sql);
      if (tables.length > 0) wrote(tables);
    }
  };
  return {
    dialect: "postgres",
    async all<T extends SqlRow>(sql: string, params: readonly SqlValue[] = []) {
      return (await send(sql, params)).rows as T[];
    },
    async get<T extends SqlRow>(sql: string, params: readonly SqlValue[] = []) {
      return (await send(sql, params)).rows[0] as T | undefined;
    },
    async run(sql: string, params: readonly SqlValue[] = []) {
      return { changes: (await send(sql, params)).rowCount ?? 0 };
    },
  };
}

const rewritten = new Map<string, string>();
const names = new Map<string, string>();
/** Statement texts given a name; past it (long `IN (?, …)` lists of every length, say) they go unnamed. */
const MAX_NAMED_STATEMENTS = 2_000;
/**
 * Statements with more parameters than this (chunked `IN (?, …)` lists and multi-row inserts)
 * always go unnamed. A named statement's plan is cached per connection, and Postgres may settle
 * on a generic plan made while the table was still small (a sequential scan) and keep it as the
 * table grows: importing 100,000 records into a model slowed from 1 s per 10,000 rows to 113 s
 * in all. Such statements are planned afresh each time, for their rows and the table as it is.
 */
const MAX_NAMED_PARAMS = 16;
/**
 * A one-row `INSERT … VALUES (…)` with nothing after it has no plan to choose, so it is named
 * whatever its number of parameters: a run's insert has 21, and planning it afresh cost the
 * server a parse and a plan on every run. So is one wrapped as `runs.ts` writes a run with its
 * job (`WITH written AS (INSERT … RETURNING uuid) SELECT <function call> FROM written`).
 */
const ONE_ROW_INSERT =
  /^\s*(?:WITH\s+\w+\s+AS\s+\(\s*)?INSERT\s+INTO\s+\w+\s*\([^()]*\)\s*VALUES\s*\([^()]*\)\s*(?:RETURNING\s+\w+\s*\)\s*SELECT\s+[\w.]+\([^;]*\)\s+FROM\s+\w+\s*)?$/i;

/*
 * A statement joining a table to rows sent as a parameter (`runs.writeMany`'s UPDATE … FROM
 * json_to_recordset) is named like any other: planning it afresh cost the server more than
 * running it (1.1 ms against 0.9 for eight runs; per run saved, 170 µs of the server's CPU
 * named or not became 100–115 named). Its generic plan finds the rows by the primary key
 * (`uuid = ANY`) once the table is more than a few pages, and Postgres plans a prepared statement
 * again whenever the table's statistics change (autovacuum's ANALYZE at every 10% of growth), so a
 * plan made while the table was small is not kept as it grows. lib/db/run-indexes.test.ts holds
 * the generic plan to the primary key.
 */

/**
 * The statement as node-postgres sends it, named: each pooled connection parses and plans a
 * named statement once and then only binds and executes it, which is most of a small query's
 * cost on the server. A statement whose table another process altered since (a rolling
 * deploy's migration) fails once and is sent unnamed from then on (see `wrap`). A pooler in
 * transaction mode (PgBouncer before 1.21) does not keep named statements: connect directly.
 */
export function prepared(sql: string, params: readonly SqlValue[]): pg.QueryConfig {
  const text = toPositional(sql);
  let name = names.get(text);
  if (name === undefined) {
    if (params.length > MAX_NAMED_PARAMS && !ONE_ROW_INSERT.test(text)) return { text, values: params as unknown[] };
    if (names.size < MAX_NAMED_STATEMENTS) names.set(text, (name = `relay_${names.size + 1}`));
  }
  return { text, values: params as unknown[], ...(name && { name }) };
}

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
