import { randomUUID } from "node:crypto";
import pg from "pg";
import { ALL_TABLES, CHANGES_CHANNEL } from "../watched-tables";
import type { ReadCache } from "../read-cache";

const RECONNECT_MS = 1_000;
/** How often a probe goes round. */
const PROBE_MS = 2_000;
/** How long a probe may take before the connection is judged deaf. */
const PROBE_DEADLINE_MS = 1_000;
/** How long `close` waits for the server to close the connection before dropping it. */
const CLOSE_MS = 1_000;
const PROBE_PREFIX = "probe:";

/** Ends a connection, or drops its socket if the server does not answer (a silent connection). */
async function endConnection(client: pg.Client): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const ended = await Promise.race([
    client.end().then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), CLOSE_MS))),
  ]);
  clearTimeout(timer);
  if (!ended) (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
}

/**
 * One connection of its own that `LISTEN`s for changes to the watched tables, made by any
 * process, and tells `cache`. The cache keeps answers only while notifications are known to
 * arrive: every 2 s the connection notifies a probe, which Postgres delivers back to it like any
 * other notification, and answers are kept from the first probe heard until one takes over 1 s or
 * the connection fails. That catches what a dead socket would hide (a firewall dropping an idle
 * connection without a reset) within about a second. Everything remembered is dropped each time,
 * since a notification may have been missed. Started at the first cached read, so a client that
 * never reads from memory never opens it. It must reach Postgres directly: the probe proves the
 * connection hears itself, not that it hears other sessions, which a pooler in transaction mode
 * would break unnoticed.
 */
export function listenForChanges(url: string, cache: ReadCache) {
  let client: pg.Client | null = null;
  let closed = false;
  let started = false;
  let warned = false;
  let retry: NodeJS.Timeout | null = null;
  let prober: NodeJS.Timeout | null = null;
  let deadline: NodeJS.Timeout | null = null;
  /** The probe sent and not yet heard, if any. */
  let awaited: string | null = null;

  const stopProbing = () => {
    if (prober) clearInterval(prober);
    if (deadline) clearTimeout(deadline);
    prober = deadline = null;
    awaited = null;
  };

  const probe = (current: pg.Client, lost: (why?: string) => void) => {
    if (client !== current || awaited) return;
    const sent = (awaited = `${PROBE_PREFIX}${randomUUID()}`);
    // Whatever was notified meanwhile did not come either.
    deadline = setTimeout(() => awaited === sent && lost(`no notification came back within ${PROBE_DEADLINE_MS} ms`), PROBE_DEADLINE_MS);
    deadline.unref();
    current.query("SELECT pg_notify($1, $2)", [CHANGES_CHANNEL, sent]).catch(() => lost());
  };

  const connect = async () => {
    const current = new pg.Client({
      connectionString: url,
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
      application_name: "relay changes",
      // A probe is a commit: it need not wait for the log's flush (or a standby) to come back.
      options: "-c synchronous_commit=off",
    });
    client = current;
    const lost = (why?: string) => {
      if (client !== current) return;
      client = null;
      stopProbing();
      cache.setListening(false);
      if (why && !closed) console.warn(`[db] stopped reading from memory until changes are heard of again: ${why}`);
      void endConnection(current);
      if (!closed) {
        retry = setTimeout(() => void connect(), RECONNECT_MS);
        retry.unref();
      }
    };
    // A connection the server ends (a restart, pg_terminate_backend) must not crash the process.
    current.on("error", () => lost());
    current.on("end", () => lost());
    current.on("notification", (message) => {
      const payload = message.payload || ALL_TABLES;
      if (!payload.startsWith(PROBE_PREFIX)) return cache.changed(payload);
      if (payload !== awaited) return;
      awaited = null;
      if (deadline) clearTimeout(deadline);
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
      if (current) await endConnection(current);
    },
  };
}
