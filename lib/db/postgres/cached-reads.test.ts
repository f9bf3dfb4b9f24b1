import net from "node:net";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { migrate } from "../migrate";
import { DEFAULT_WORKSPACE_UUID } from "../migrations";
import { apiTokenRepository } from "../repositories/api-tokens";
import { createScratchDatabase } from "../testing/scratch-database";
import { WATCHED_TABLES } from "../watched-tables";
import { listenForChanges } from "./change-listener";
import { openPostgresClient } from "./postgres-client";
import { ReadCache } from "../read-cache";

// Reads answered from memory on Postgres (`read-cache.ts`), over a real server: two clients on one
// database stand for two processes. SQLite's are in `sqlite/cached-reads.test.ts`.
const adminUrl = process.env.TEST_POSTGRES_URL;

type Client = ReturnType<typeof openPostgresClient>;
const opened: Client[] = [];
let drop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await Promise.all(opened.splice(0).map((client) => client.close()));
  await drop?.();
  drop = undefined;
});

async function database(): Promise<string> {
  const scratch = await createScratchDatabase(adminUrl!);
  drop = scratch.drop;
  return scratch.url;
}

/** A process's client, migrated, with a token created through it, once it listens for changes. */
async function processOn(url: string) {
  const client = openPostgresClient(url, { max: 4 });
  opened.push(client);
  await migrate(client);
  const tokens = apiTokenRepository(client);
  await tokens.findActive("none"); // the first cached read starts the listener
  await vi.waitFor(() => expect(client.cache.listening).toBe(true), { timeout: 5_000 });
  return { client, tokens };
}

/** A write nobody hears of: triggers off for this session (`session_replication_role`), as no app path does. */
async function unheard(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET session_replication_role = replica");
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const TOKEN = { uuid: "t1", workspaceUuid: DEFAULT_WORKSPACE_UUID, userUuid: null, name: "first", prefix: "rly_1" };

describe.skipIf(!adminUrl)("cached reads on Postgres", () => {
  it("answers from memory until the process itself writes the table, and then reads at once", async () => {
    const url = await database();
    const { tokens } = await processOn(url);
    await tokens.create(TOKEN, "hash-1");
    // The insert's own notification comes back a moment later and would empty the cache again.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await tokens.findActive("hash-1")).toMatchObject({ name: "first" });
    await unheard(url, "UPDATE api_tokens SET name = 'renamed unheard'");
    // Still the remembered row: the read did not reach the database.
    expect(await tokens.findActive("hash-1")).toMatchObject({ name: "first" });
    // Its own write is forgotten before the write's promise resolves, not when its notification comes back.
    await tokens.touch("t1", "2026-01-01T00:00:00.000Z");
    expect(await tokens.findActive("hash-1")).toMatchObject({ name: "renamed unheard", lastUsedAt: "2026-01-01T00:00:00.000Z" });
  });

  it("hears of a change made by another process", async () => {
    const url = await database();
    const a = await processOn(url);
    const b = await processOn(url);
    await a.tokens.create(TOKEN, "hash-1");
    expect(await b.tokens.findActive("hash-1")).toMatchObject({ name: "first" });
    expect(await b.tokens.findActive("hash-1")).toMatchObject({ name: "first" });
    await a.tokens.revoke(DEFAULT_WORKSPACE_UUID, "t1");
    await vi.waitFor(async () => expect(await b.tokens.findActive("hash-1")).toBeNull(), { timeout: 2_000, interval: 20 });
  });

  it("does not keep what another connection read while the process's transaction was open", async () => {
    const url = await database();
    const { client, tokens } = await processOn(url);
    await tokens.create(TOKEN, "hash-1");
    await client.transaction(async (tx) => {
      await tx.run("UPDATE api_tokens SET name = ? WHERE uuid = ?", ["renamed in a transaction", "t1"]);
      // Another connection of the pool: the change is not committed yet, so it reads the old name.
      expect(await tokens.findActive("hash-1")).toMatchObject({ name: "first" });
    });
    expect(await tokens.findActive("hash-1")).toMatchObject({ name: "renamed in a transaction" });
  });

  it("reads the database while its listening connection is down, and remembers again once it is back", async () => {
    const url = await database();
    const { client, tokens } = await processOn(url);
    await tokens.create(TOKEN, "hash-1");
    await tokens.findActive("hash-1");
    await unheard(url, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'relay changes'`);
    await vi.waitFor(() => expect(client.cache.listening).toBe(false), { timeout: 2_000, interval: 10 });
    await unheard(url, "UPDATE api_tokens SET name = 'while deaf'");
    expect(await tokens.findActive("hash-1")).toMatchObject({ name: "while deaf" });
    await vi.waitFor(() => expect(client.cache.listening).toBe(true), { timeout: 5_000, interval: 50 });
    await tokens.findActive("hash-1");
    await unheard(url, "UPDATE api_tokens SET name = 'after reconnect'");
    expect(await tokens.findActive("hash-1")).toMatchObject({ name: "while deaf" });
  });

  it("has a trigger on every watched table, and a token's last use tells nobody", async () => {
    const url = await database();
    const a = await processOn(url);
    const b = await processOn(url);
    const triggers = await a.client.all<{ table: string }>(
      "SELECT DISTINCT c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE '%_notify_%'",
    );
    expect(triggers.map((row) => row.table).sort()).toEqual([...WATCHED_TABLES].sort());
    await a.tokens.create(TOKEN, "hash-1");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await b.tokens.findActive("hash-1")).toMatchObject({ name: "first" });
    await unheard(url, "UPDATE api_tokens SET name = 'renamed unheard'");
    await a.tokens.touch("t1", "2026-01-01T00:00:00.000Z");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await b.tokens.findActive("hash-1")).toMatchObject({ name: "first" });
    await a.tokens.revoke(DEFAULT_WORKSPACE_UUID, "t1");
    await vi.waitFor(async () => expect(await b.tokens.findActive("hash-1")).toBeNull(), { timeout: 2_000, interval: 20 });
  });

  it("stops answering from memory when its connection goes silent without closing", async () => {
    const url = new URL(await database());
    // A proxy that can stop passing bytes while keeping both sockets open, as a firewall that
    // forgets an idle connection does.
    const sockets: net.Socket[] = [];
    let frozen = false;
    const proxy = net.createServer((inbound) => {
      const outbound = net.connect(Number(url.port), url.hostname);
      sockets.push(inbound, outbound);
      inbound.on("data", (chunk) => frozen || outbound.write(chunk));
      outbound.on("data", (chunk) => frozen || inbound.write(chunk));
      inbound.on("error", () => undefined);
      outbound.on("error", () => undefined);
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const proxied = new URL(url);
    proxied.hostname = "127.0.0.1";
    proxied.port = String((proxy.address() as net.AddressInfo).port);
    const cache = new ReadCache();
    const listener = listenForChanges(proxied.toString(), cache);
    try {
      listener.start();
      await vi.waitFor(() => expect(cache.listening).toBe(true), { timeout: 5_000, interval: 20 });
      frozen = true;
      await vi.waitFor(() => expect(cache.listening).toBe(false), { timeout: 6_000, interval: 50 });
    } finally {
      // Ends even though the server never answers the goodbye.
      await listener.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it("forgets everything on a notification that names no table", async () => {
    const url = await database();
    const { tokens } = await processOn(url);
    await tokens.create(TOKEN, "hash-1");
    await new Promise((resolve) => setTimeout(resolve, 200));
    await tokens.findActive("hash-1");
    await unheard(url, "UPDATE api_tokens SET name = 'renamed unheard'");
    expect(await tokens.findActive("hash-1")).toMatchObject({ name: "first" });
    await unheard(url, "NOTIFY relay_changes");
    await vi.waitFor(async () => expect(await tokens.findActive("hash-1")).toMatchObject({ name: "renamed unheard" }), { timeout: 2_000, interval: 20 });
  });
});
