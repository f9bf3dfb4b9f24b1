import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SqlClient } from "../sql-client";
import { openSqliteClient } from "./sqlite-client";

/** Frames in the write-ahead log: a commit appends one frame per page it changed. */
const walFrames = (file: string) => {
  const size = fs.statSync(`${file}-wal`).size;
  return size === 0 ? 0 : (size - 32) / (4096 + 24);
};

describe("openSqliteClient: group commit", () => {
  let folder: string;
  let file: string;
  let client: SqlClient;

  beforeEach(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "relay-sqlite-"));
    file = path.join(folder, "app.db");
    client = openSqliteClient(file);
    await client.run("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL CHECK (v <> 'bad'))");
    await client.run("PRAGMA wal_checkpoint(TRUNCATE)");
  });
  afterEach(async () => {
    await client.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("commits the writes of one turn of the event loop in one transaction", async () => {
    await Promise.all([1, 2, 3, 4].map((id) => client.run("INSERT INTO t (id, v) VALUES (?, ?)", [id, `v${id}`])));
    // One commit of one changed page; four commits would have appended four frames.
    expect(walFrames(file)).toBe(1);
    await client.run("INSERT INTO t (id, v) VALUES (5, 'v5')");
    await client.run("INSERT INTO t (id, v) VALUES (6, 'v6')");
    expect(walFrames(file)).toBe(3);
  });

  it("resolves a write only once it is committed, visible to another connection", async () => {
    const other = new BetterSqlite3(file, { readonly: true });
    try {
      const written = client.run("INSERT INTO t (id, v) VALUES (1, 'a')");
      expect(other.prepare("SELECT count(*) AS n FROM t").get()).toEqual({ n: 0 });
      await expect(written).resolves.toEqual({ changes: 1 });
      expect(other.prepare("SELECT count(*) AS n FROM t").get()).toEqual({ n: 1 });
    } finally {
      other.close();
    }
  });

  it("rejects only the write that fails; the others of its group are committed", async () => {
    const results = await Promise.allSettled([
      client.run("INSERT INTO t (id, v) VALUES (1, 'a')"),
      client.run("INSERT INTO t (id, v) VALUES (2, 'bad')"),
      client.run("INSERT INTO t (id, v) VALUES (1, 'duplicate')"),
      client.run("UPDATE t SET v = 'c' WHERE id = 1"),
    ]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "rejected", "fulfilled"]);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/CHECK constraint/);
    expect(await client.all("SELECT id, v FROM t ORDER BY id")).toEqual([{ id: 1, v: "c" }]);
  });

  it("keeps what other callers write while a transaction is open out of it: its rollback leaves them", async () => {
    let letGo!: () => void;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    const failing = client.transaction(async (tx) => {
      await tx.run("INSERT INTO t (id, v) VALUES (1, 'in the transaction')");
      await held;
      throw new Error("undo");
    });
    await new Promise((resolve) => setImmediate(resolve));
    // Another request's writes meanwhile: a plain write, a write with RETURNING, a transaction of its own.
    const others = Promise.all([
      client.run("INSERT INTO t (id, v) VALUES (2, 'run')"),
      client.all("INSERT INTO t (id, v) VALUES (3, 'all') RETURNING id"),
      client.transaction((other) => other.run("INSERT INTO t (id, v) VALUES (4, 'its own transaction')")),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    letGo();
    await expect(failing).rejects.toThrow("undo");
    await others;
    expect(await client.all("SELECT id FROM t ORDER BY id")).toEqual([{ id: 2 }, { id: 3 }, { id: 4 }]);
  });

  it("runs two transactions begun in one turn one after the other, neither joining the other", async () => {
    const [first, second] = await Promise.allSettled([
      client.transaction(async (tx) => {
        await tx.run("INSERT INTO t (id, v) VALUES (1, 'rolled back')");
        await new Promise((resolve) => setTimeout(resolve, 10));
        throw new Error("undo");
      }),
      client.transaction((tx) => tx.run("INSERT INTO t (id, v) VALUES (2, 'kept')")),
    ]);
    expect([first.status, second.status]).toEqual(["rejected", "fulfilled"]);
    expect(await client.all("SELECT id FROM t ORDER BY id")).toEqual([{ id: 2 }]);
  });

  it("lets the work write through the outer client too: that joins its transaction instead of waiting for it", async () => {
    await expect(
      client.transaction(async () => {
        await client.run("INSERT INTO t (id, v) VALUES (1, 'through the outer client')");
        await client.transaction((nested) => nested.run("INSERT INTO t (id, v) VALUES (2, 'nested')"));
        expect(await client.all("SELECT id FROM t ORDER BY id")).toEqual([{ id: 1 }, { id: 2 }]);
        throw new Error("undo");
      }),
    ).rejects.toThrow("undo");
    expect(await client.all("SELECT id FROM t")).toEqual([]);
  });

  it("turns its async context off between transactions (a promise hook for every promise) and on again for the next", async () => {
    const disable = vi.spyOn(AsyncLocalStorage.prototype, "disable");
    try {
      for (const id of [1, 2]) {
        await client.transaction(async () => {
          // Joins only while the context is on: with it left off, this would wait for the end of its own transaction.
          await client.run("INSERT INTO t (id, v) VALUES (?, 'joined')", [id]);
        });
        expect(disable).toHaveBeenCalledTimes(id);
      }
      expect(await client.all("SELECT id FROM t ORDER BY id")).toEqual([{ id: 1 }, { id: 2 }]);
    } finally {
      disable.mockRestore();
    }
  });

  it("refuses a transaction's client once it has ended, and closes only after an open transaction", async () => {
    let kept!: SqlClient;
    await client.transaction(async (tx) => {
      kept = tx;
    });
    await expect(kept.run("INSERT INTO t (id, v) VALUES (1, 'late')")).rejects.toThrow(/after the transaction ended/);
    await expect(client.run("INSERT OR FAIL INTO t (id, v) VALUES (1, 'x')")).rejects.toThrow(/OR FAIL/);
    let letGo!: () => void;
    const running = client.transaction(async (tx) => {
      await new Promise<void>((resolve) => (letGo = resolve));
      await tx.run("INSERT INTO t (id, v) VALUES (2, 'before the close')");
    });
    await new Promise((resolve) => setImmediate(resolve));
    const closed = client.close();
    letGo();
    await running;
    await closed;
    const reopened = openSqliteClient(file);
    expect(await reopened.all("SELECT id FROM t")).toEqual([{ id: 2 }]);
    client = reopened;
  });

  it("undoes the whole of a write that fails half-way, and only it", async () => {
    const results = await Promise.allSettled([
      client.run("INSERT INTO t (id, v) VALUES (1, 'a')"),
      // Its first row goes in before its second fails: none of it may stay.
      client.run("INSERT INTO t (id, v) VALUES (2, 'b'), (3, 'bad')"),
      client.run("UPDATE t SET v = v || '!'"),
    ]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await client.all("SELECT id, v FROM t ORDER BY id")).toEqual([{ id: 1, v: "a!" }]);
  });

  it("a write that ends its group's transaction fails alone; the others of the group are tried again", async () => {
    await client.run("INSERT INTO t (id, v) VALUES (1, 'first')");
    const results = await Promise.allSettled([
      client.run("INSERT INTO t (id, v) VALUES (2, 'kept')"),
      // OR ROLLBACK ends the whole transaction on a conflict, taking the write before it along.
      client.run("INSERT OR ROLLBACK INTO t (id, v) VALUES (1, 'duplicate')"),
      client.run("INSERT INTO t (id, v) VALUES (3, 'kept too')"),
    ]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE constraint/);
    expect(await client.all("SELECT id, v FROM t ORDER BY id")).toEqual([
      { id: 1, v: "first" },
      { id: 2, v: "kept" },
      { id: 3, v: "kept too" },
    ]);
  });

  it("keeps writes queued around a transaction out of it, so its rollback does not undo them", async () => {
    const before = client.run("INSERT INTO t (id, v) VALUES (1, 'before')");
    await expect(
      client.transaction(async (tx) => {
        await tx.run("INSERT INTO t (id, v) VALUES (2, 'inside')");
        await new Promise((resolve) => setTimeout(resolve, 5));
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    const during = client.run("INSERT INTO t (id, v) VALUES (3, 'after')");
    await Promise.all([before, during]);
    expect(await client.all("SELECT id FROM t ORDER BY id")).toEqual([{ id: 1 }, { id: 3 }]);
  });

  it("runs a write with RETURNING that waited for a transaction outside the next one, which may roll back", async () => {
    await client.run("INSERT INTO t (id, v) VALUES (1, 'running')");
    const first = client.transaction(async () => new Promise((resolve) => setTimeout(resolve, 10)));
    // Waits for the first to end; a transaction queued after it must not begin before it runs.
    const cancel = client.all("UPDATE t SET v = 'cancelled' WHERE id = 1 RETURNING id");
    const next = client.transaction(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      throw new Error("roll back");
    });
    await first;
    expect(await cancel).toEqual([{ id: 1 }]);
    await expect(next).rejects.toThrow("roll back");
    expect(await client.all("SELECT v FROM t")).toEqual([{ v: "cancelled" }]);
  });

  it("waits for another connection's write lock without blocking the event loop, then commits", async () => {
    const other = openSqliteClient(file);
    try {
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 5);
      const started = Date.now();
      const held = other.transaction(async (tx) => {
        await tx.run("INSERT INTO t (id, v) VALUES (1, 'other')");
        await new Promise((resolve) => setTimeout(resolve, 100));
      });
      // Queued while the other connection holds the lock: a blocking wait would freeze this
      // process, the other transaction could never end, and the write would fail after 5 s.
      await client.run("INSERT INTO t (id, v) VALUES (2, 'mine')");
      clearInterval(ticker);
      await held;
      expect(Date.now() - started).toBeLessThan(2000);
      expect(ticks).toBeGreaterThan(5);
      expect(await client.all("SELECT id FROM t ORDER BY id")).toEqual([{ id: 1 }, { id: 2 }]);
    } finally {
      await other.close();
    }
  });

  it("begins a transaction once another connection's lock is free, without blocking the event loop", async () => {
    const other = openSqliteClient(file);
    try {
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 5);
      const held = other.transaction(async (tx) => {
        await tx.run("INSERT INTO t (id, v) VALUES (1, 'other')");
        await new Promise((resolve) => setTimeout(resolve, 100));
      });
      await client.transaction(async (tx) => {
        await tx.run("INSERT INTO t (id, v) VALUES (2, 'mine')");
      });
      clearInterval(ticker);
      await held;
      expect(ticks).toBeGreaterThan(5);
      expect(await client.all("SELECT id FROM t ORDER BY id")).toEqual([{ id: 1 }, { id: 2 }]);
    } finally {
      await other.close();
    }
  });

  it("commits what is queued when the client closes", async () => {
    const written = client.run("INSERT INTO t (id, v) VALUES (1, 'a')");
    await client.close();
    await written;
    const reopened = new BetterSqlite3(file, { readonly: true });
    expect(reopened.prepare("SELECT v FROM t").all()).toEqual([{ v: "a" }]);
    reopened.close();
    client = openSqliteClient(file);
  });
});
