import { randomUUID } from "node:crypto";
import type { SqlClient } from "../sql-client";

/** Any fixed number, apart from the migrations' lock: the first half of the two-key advisory lock. */
const RATE_LIMIT_LOCK_CLASS = 7_231_002;

/**
 * Each dialect's words: the database's clock in milliseconds (on SQLite the machine's, which
 * every process on the file shares), and the smaller or larger of two values.
 */
const WORDS = {
  postgres: { nowMs: "(extract(epoch from clock_timestamp()) * 1000)::bigint", least: "LEAST", greatest: "GREATEST" },
  // Rounded: julianday's double is a few µs off, and cut it would read 1 ms early half the time.
  sqlite: { nowMs: "CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER)", least: "min", greatest: "max" },
} as const;

/** When a grant's token comes back: one unit after its request reached the server (at the latest one unit after the grant), plus the margin. */
const freedAt = (least: string) => `${least}(COALESCE(sent_ms, granted_ms + ?), granted_ms + ?) + ? + ?`;

/** What one attempt to take a token answered: a grant (with its id, to report when it was sent) or how long to wait. */
export type RateLimitTake = { granted: true; grantId: string } | { granted: false; waitMs: number };

/**
 * The rate-limit windows of every process on one database (migration 12): the processes and
 * machines on Postgres, the processes sharing a file on SQLite (`WEB_PROCESSES`, `ROLE`). Each take is one
 * transaction that no other take of the bucket runs beside (an advisory lock on its bucket on
 * Postgres; on SQLite the file's write lock, which a transaction takes as it begins), so two
 * processes never both see the last free token; the database's clock is the only clock. Rows of a
 * bucket leave as its tokens come back, on that bucket's next take.
 */
export function rateLimitWindowRepository(db: SqlClient) {
  const { nowMs, least, greatest } = WORDS[db.dialect];
  const FREED_AT = freedAt(least);
  const NOW_MS = nowMs;
  return {
    /** Takes a token of `bucketKey` if one is free (`max` per `unitMs`) and it is not paused. */
    async take(bucketKey: string, max: number, unitMs: number, marginMs: number): Promise<RateLimitTake> {
      return db.transaction(async (tx) => {
        const clock =
          db.dialect === "postgres"
            ? await tx.get<{ now_ms: string }>(`SELECT pg_advisory_xact_lock(?, hashtext(?)), ${NOW_MS} AS now_ms`, [RATE_LIMIT_LOCK_CLASS, bucketKey])
            : await tx.get<{ now_ms: number }>(`SELECT ${NOW_MS} AS now_ms`);
        const now = Number(clock!.now_ms);
        const pause = await tx.get<{ until_ms: string }>(`SELECT until_ms FROM rate_limit_pauses WHERE bucket_key = ? AND until_ms > ?`, [bucketKey, now]);
        if (pause) return { granted: false, waitMs: Number(pause.until_ms) - now };
        const freedAt = [unitMs, unitMs, unitMs, marginMs];
        await tx.run(`DELETE FROM rate_limit_grants WHERE bucket_key = ? AND ${FREED_AT} <= ?`, [bucketKey, ...freedAt, now]);
        const held = await tx.all<{ freed_at: string }>(
          `SELECT ${FREED_AT} AS freed_at FROM rate_limit_grants WHERE bucket_key = ? ORDER BY 1`,
          [...freedAt, bucketKey],
        );
        if (held.length < max) {
          const grantId = randomUUID();
          await tx.run(`INSERT INTO rate_limit_grants (id, bucket_key, granted_ms) VALUES (?, ?, ?)`, [grantId, bucketKey, now]);
          return { granted: true, grantId };
        }
        // The grant whose return leaves max − 1 held frees the next token.
        return { granted: false, waitMs: Math.max(Number(held[held.length - max]!.freed_at) - now, 1) };
      });
    },

    /** The grant's request reached the server: its token comes back one unit from now. */
    async sent(grantId: string): Promise<void> {
      await db.run(`UPDATE rate_limit_grants SET sent_ms = ${NOW_MS} WHERE id = ? AND sent_ms IS NULL`, [grantId]);
    },

    /** Nothing of `bucketKey` goes out for `ms` (a longer pause already set stays). */
    async pause(bucketKey: string, ms: number): Promise<void> {
      await db.run(
        `INSERT INTO rate_limit_pauses (bucket_key, until_ms) VALUES (?, ${NOW_MS} + ?)
         ON CONFLICT (bucket_key) DO UPDATE SET until_ms = ${greatest}(rate_limit_pauses.until_ms, excluded.until_ms)`,
        [bucketKey, Math.ceil(ms)],
      );
    },

    /** How long `bucketKey` stays paused, 0 when it is not. */
    async pausedFor(bucketKey: string): Promise<number> {
      const row = await db.get<{ left_ms: string }>(`SELECT until_ms - ${NOW_MS} AS left_ms FROM rate_limit_pauses WHERE bucket_key = ?`, [bucketKey]);
      return Math.max(Number(row?.left_ms ?? 0), 0);
    },
  };
}
