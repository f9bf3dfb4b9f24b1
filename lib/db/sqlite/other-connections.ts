import type BetterSqlite3 from "better-sqlite3";
import type { ReadCache } from "../read-cache";
import { ALL_TABLES, WATCHED_TABLES } from "../watched-tables";

/** How often the cache looks whether another connection has committed, at most. */
const VERSION_LOOK_MS = 1;

/**
 * What another connection to the file (another process) changed, told to this connection's read
 * cache. `PRAGMA data_version` moves when any other connection commits; the watched tables'
 * change counters (migration `change-counters`, moved by triggers in the writer's own
 * transaction) then say which tables to forget, so another process's runs, written hundreds of
 * times a second, leave the token, the workflow and the catalog remembered. Everything is
 * forgotten when the counters cannot be read (before the migration, on a bare file) or the schema
 * changed. This connection's own writes move the counters too: they were forgotten as they ran,
 * and what was read of their tables since is forgotten again at the next look after another
 * connection's commit (the counters cannot be read again after each own write instead: that read
 * could take in another process's change unnoticed). A watched table with no counter row counts
 * as changed at every look.
 *
 * The version is looked at once a millisecond at most (a look costs a read transaction, about
 * 8 µs, more than a cached read), so another process's commit is seen within 1 ms.
 */
export function otherConnections(db: BetterSqlite3.Database, cache: ReadCache) {
  const dataVersion = db.prepare("PRAGMA data_version").pluck();
  const schemaVersion = db.prepare("PRAGMA schema_version").pluck();
  let counters: BetterSqlite3.Statement | undefined;
  let seenVersion = dataVersion.get();
  let versionSeenAt = performance.now();
  /** The counters as last read, with the schema they were read under; undefined: not read yet. */
  let seen: { schema: unknown; counts: Map<string, number> } | undefined;

  const readCounts = (): Map<string, number> | undefined => {
    try {
      counters ??= db.prepare("SELECT table_name, changes FROM watched_changes");
      return new Map((counters.all() as Array<{ table_name: string; changes: number }>).map((row) => [row.table_name, row.changes]));
    } catch {
      // No such table (before the migration, or a file that is not the app's): nothing to tell by.
      counters = undefined;
      return undefined;
    }
  };

  const forgetWhatChanged = () => {
    const schema = schemaVersion.get();
    const counts = readCounts();
    if (!counts || !seen || seen.schema !== schema) cache.changed(ALL_TABLES);
    else for (const table of WATCHED_TABLES) if (!counts.has(table) || seen.counts.get(table) !== counts.get(table)) cache.changed(table);
    seen = counts && { schema, counts };
  };

  return {
    /** Forgets what other connections changed since the last look, looking once a millisecond at most. */
    look(): void {
      const now = performance.now();
      if (now - versionSeenAt < VERSION_LOOK_MS) return;
      versionSeenAt = now;
      const version = dataVersion.get();
      if (version === seenVersion) return;
      seenVersion = version;
      forgetWhatChanged();
    },
  };
}
