import pg from "pg";
import { ALL_TABLES, CHANGES_CHANNEL } from "../watched-tables";
import type { ReadCache } from "./read-cache";

const RECONNECT_MS = 1_000;

/**
 * One connection of its own that `LISTEN`s for changes to the watched tables, made by any
 * process, and tells `cache`. The cache keeps answers only while this connection is up: until
 * `LISTEN` succeeds, and from the moment the connection fails until it is back (a notification
 * sent meanwhile is lost, so everything remembered is dropped again then). Started at the first
 * cached read, so a client that never reads from memory never opens it.
 */
export function listenForChanges(url: string, cache: ReadCache, types: pg.CustomTypesConfig) {
  let client: pg.Client | null = null;
  let closed = false;
  let started = false;
  let retry: NodeJS.Timeout | null = null;

  const connect = async () => {
    const current = new pg.Client({ connectionString: url, types });
    client = current;
    const lost = () => {
      if (client !== current) return;
      client = null;
      cache.setListening(false);
      current.end().catch(() => undefined);
      if (!closed) retry = setTimeout(() => void connect(), RECONNECT_MS);
    };
    // A connection the server ends (a restart, pg_terminate_backend) must not crash the process.
    current.on("error", lost);
    current.on("end", lost);
    current.on("notification", (message) => cache.changed(message.payload || ALL_TABLES));
    try {
      await current.connect();
      await current.query(`LISTEN ${CHANGES_CHANNEL}`);
      if (client === current && !closed) cache.setListening(true);
    } catch (error) {
      if (client === current && !closed) console.warn(`[db] listening for changes failed, reads go to the database: ${(error as Error).message}`);
      lost();
    }
  };

  return {
    /** Opens the connection the first time; later calls do nothing. */
    start() {
      if (started || closed) return;
      started = true;
      void connect();
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const current = client;
      client = null;
      cache.setListening(false);
      await current?.end().catch(() => undefined);
    },
  };
}
