import { randomUUID } from "node:crypto";
import pg from "pg";
import { ALL_TABLES, CHANGES_CHANNEL } from "../watched-tables";
import type { ReadCache } from "./read-cache";

const RECONNECT_MS = 1_000;
/** How often a probe goes round, and how long it may take before the connection is judged deaf. */
const PROBE_MS = 2_000;
const PROBE_PREFIX = "probe:";

/**
 * One connection of its own that `LISTEN`s for changes to the watched tables, made by any
 * process, and tells `cache`. The cache keeps answers only while notifications are known to
 * arrive: every 2 s the connection notifies a probe, which Postgres delivers back to it like any
 * other notification, and answers are kept from the first probe heard until one is late or the
 * connection fails. That catches what a dead socket would hide (a firewall dropping an idle
 * connection without a reset). Everything remembered is dropped each time, since a notification
 * may have been missed. Started at the first cached read, so a client that never reads from
 * memory never opens it. It must reach Postgres directly: through a pooler in transaction mode,
 * `LISTEN` hears nothing from other connections.
 */
export function listenForChanges(url: string, cache: ReadCache) {
  let client: pg.Client | null = null;
  let closed = false;
  let started = false;
  let warned = false;
  let retry: NodeJS.Timeout | null = null;
  let prober: NodeJS.Timeout | null = null;
  /** The probe sent and not yet heard, if any. */
  let awaited: string | null = null;

  const stopProbing = () => {
    if (prober) clearInterval(prober);
    prober = null;
    awaited = null;
  };

  const probe = (current: pg.Client, lost: () => void) => {
    if (client !== current) return;
    // The last one never came back: whatever was notified meanwhile did not either.
    if (awaited) return lost();
    awaited = `${PROBE_PREFIX}${randomUUID()}`;
    current.query("SELECT pg_notify($1, $2)", [CHANGES_CHANNEL, awaited]).catch(lost);
  };

  const connect = async () => {
    const current = new pg.Client({ connectionString: url, keepAlive: true, connectionTimeoutMillis: 10_000, application_name: "relay changes" });
    client = current;
    const lost = () => {
      if (client !== current) return;
      client = null;
      stopProbing();
      cache.setListening(false);
      current.end().catch(() => undefined);
      if (!closed) {
        retry = setTimeout(() => void connect(), RECONNECT_MS);
        retry.unref();
      }
    };
    // A connection the server ends (a restart, pg_terminate_backend) must not crash the process.
    current.on("error", lost);
    current.on("end", lost);
    current.on("notification", ({ payload = ALL_TABLES }) => {
      if (!payload.startsWith(PROBE_PREFIX)) return cache.changed(payload);
      if (payload !== awaited) return;
      awaited = null;
      warned = false;
      if (!cache.listening) cache.setListening(true);
    });
    try {
      await current.connect();
      await current.query(`LISTEN ${CHANGES_CHANNEL}`);
      if (client !== current || closed) return;
      probe(current, lost);
      prober = setInterval(() => probe(current, lost), PROBE_MS);
      prober.unref();
    } catch (error) {
      if (client === current && !closed && !warned) {
        warned = true;
        console.warn(`[db] listening for changes failed, reads go to the database until it is back: ${(error as Error).message}`);
      }
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
      stopProbing();
      const current = client;
      client = null;
      cache.setListening(false);
      await current?.end().catch(() => undefined);
    },
  };
}
