import BetterSqlite3 from "better-sqlite3";

/** How long a write waits for another connection's write lock (SQLite's busy_timeout, also set on the file). */
export const BUSY_WAIT_MS = 5000;

/** The error SQLite gives a write that waited busy_timeout for the lock. */
export const locked = () => new BetterSqlite3.SqliteError("database is locked", "SQLITE_BUSY");

/**
 * Work that takes the connection's write lock, either way a statement can: `wait` within
 * busy_timeout (SQLite's busy handler sleeps in the event loop's thread), or `try`, which answers
 * false at once when another connection holds the lock, having undone whatever the work began,
 * so the caller can try again later while the event loop keeps serving.
 */
export function writeLock(db: BetterSqlite3.Database) {
  // Prepared once: db.pragma() compiles its statement on every call.
  const failWhenBusy = db.prepare("PRAGMA busy_timeout = 0");
  const waitWhenBusy = db.prepare(`PRAGMA busy_timeout = ${BUSY_WAIT_MS}`);

  /** Runs `work`; with `try`, false instead when another connection holds the write lock. */
  return function withLock(mode: "wait" | "try", work: () => void): boolean {
    if (mode === "wait") {
      work();
      return true;
    }
    failWhenBusy.get();
    try {
      work();
      return true;
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
      // Nothing of it stays: the whole of it is tried again.
      if (db.inTransaction) db.exec("ROLLBACK");
      return false;
    } finally {
      waitWhenBusy.get();
    }
  };
}
