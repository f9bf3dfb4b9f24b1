import { describe, expect, it } from "vitest";
import { ALL_TABLES } from "./watched-tables";
import { ReadCache } from "./read-cache";

const TOKEN_SQL = "SELECT t.*, m.role FROM api_tokens t LEFT JOIN memberships m ON m.user_uuid = t.user_uuid WHERE t.token_hash = ?";
const WORKFLOW_SQL = "SELECT * FROM workflows WHERE uuid = ?";

/** A cache whose loads count and answer what `value` holds when they run. */
function counted(now = () => 0) {
  const cache = new ReadCache(now);
  const state = { loads: 0, value: "a" };
  const read = (sql = TOKEN_SQL, params: unknown[] = ["h"]) =>
    cache.read(sql, params, async () => {
      state.loads++;
      return [{ value: state.value }];
    });
  return { cache, state, read };
}

describe("ReadCache", () => {
  it("reads the database every time until it is listening", async () => {
    const { state, read } = counted();
    await read();
    await read();
    expect(state.loads).toBe(2);
  });

  it("answers from memory while listening, until a table the read reads changes", async () => {
    const { cache, state, read } = counted();
    cache.setListening(true);
    await read();
    state.value = "b";
    expect(await read()).toEqual([{ value: "a" }]);
    expect(state.loads).toBe(1);
    cache.changed("workflows");
    expect(await read()).toEqual([{ value: "a" }]);
    cache.changed("memberships");
    expect(await read()).toEqual([{ value: "b" }]);
    expect(state.loads).toBe(2);
  });

  it("keys answers by statement and parameters", async () => {
    const { cache, state, read } = counted();
    cache.setListening(true);
    await read(TOKEN_SQL, ["h1"]);
    await read(TOKEN_SQL, ["h2"]);
    await read(WORKFLOW_SQL, ["h1"]);
    await read(TOKEN_SQL, ["h1"]);
    expect(state.loads).toBe(3);
  });

  it("does not keep an answer read while one of its tables changed", async () => {
    const cache = new ReadCache(() => 0);
    cache.setListening(true);
    let loads = 0;
    const load = async () => {
      loads++;
      // The change is heard of while the read is in flight: what it read may be from before it.
      if (loads === 1) cache.changed("api_tokens");
      return [{ loads }];
    };
    expect(await cache.read(TOKEN_SQL, [], load)).toEqual([{ loads: 1 }]);
    expect(await cache.read(TOKEN_SQL, [], load)).toEqual([{ loads: 2 }]);
    expect(await cache.read(TOKEN_SQL, [], load)).toEqual([{ loads: 2 }]);
  });

  it("forgets everything when listening stops or everything changed, and keeps nothing while it is stopped", async () => {
    const { cache, state, read } = counted();
    cache.setListening(true);
    await read();
    cache.changed(ALL_TABLES);
    await read();
    expect(state.loads).toBe(2);
    cache.setListening(false);
    await read();
    await read();
    expect(state.loads).toBe(4);
  });

  it("reads again once an answer is 5 s old, and hands out frozen rows", async () => {
    let now = 0;
    const { cache, state, read } = counted(() => now);
    cache.setListening(true);
    const [row] = await read();
    expect(Object.isFrozen(row)).toBe(true);
    now = 4_999;
    await read();
    expect(state.loads).toBe(1);
    now = 5_000;
    await read();
    expect(state.loads).toBe(2);
  });

  it("keeps no empty answer and no answer of over a million characters", async () => {
    const cache = new ReadCache(() => 0);
    cache.setListening(true);
    let loads = 0;
    const empty = async () => (loads++, []);
    await cache.read(TOKEN_SQL, ["unknown"], empty);
    await cache.read(TOKEN_SQL, ["unknown"], empty);
    const huge = async () => (loads++, [{ nodes_json: "x".repeat(1_000_001) }]);
    await cache.read(WORKFLOW_SQL, ["big"], huge);
    await cache.read(WORKFLOW_SQL, ["big"], huge);
    expect(loads).toBe(4);
  });
});
