import { describe, expect, it } from "vitest";
import { createWriteBatcher, WRITE_ALONE } from "./write-batcher";

/**
 * A batcher over a fake store: every statement waits for `release`, so a test decides what is in
 * flight. An item "x!" is refused by any statement holding it; an item "x?" is answered WRITE_ALONE
 * by a batch (its row "locked"), and written when alone.
 */
function harness(slots = 1) {
  const statements: string[][] = [];
  const gates: Array<() => void> = [];
  const statement = async (items: string[]) => {
    statements.push(items);
    await new Promise<void>((resolve) => gates.push(resolve));
    if (items.some((item) => item.endsWith("!"))) throw new Error(`refused ${items.join(",")}`);
    return items.map((item) => (item.endsWith("?") && items.length > 1 ? WRITE_ALONE : item.toUpperCase()));
  };
  const batcher = createWriteBatcher<string, string>({
    key: (item) => item.split(":")[0]!,
    many: statement,
    one: async (item) => (await statement([item]))[0] as string,
    maxBatch: 3,
    slots,
  });
  /** Lets the statements in flight finish, then waits for the next ones to be sent. */
  const release = async () => {
    for (const open of gates.splice(0)) open();
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { batcher, statements, release };
}

describe("createWriteBatcher", () => {
  it("sends the first write at once and those that come meanwhile together in the next statement", async () => {
    const { batcher, statements, release } = harness();
    const first = batcher.write("a");
    const later = ["b", "c"].map((item) => batcher.write(item));
    expect(statements).toEqual([["a"]]);
    expect(batcher.waiting).toBe(2);
    await release();
    expect(statements).toEqual([["a"], ["b", "c"]]);
    await release();
    expect(await first).toBe("A");
    expect(await Promise.all(later)).toEqual(["B", "C"]);
  });

  it("uses each free slot at once: with two, a second write does not wait for the first", async () => {
    const { batcher, statements, release } = harness(2);
    const all = ["a", "b", "c", "d"].map((item) => batcher.write(item));
    expect(statements).toEqual([["a"], ["b"]]);
    await release();
    expect(statements.slice(2)).toEqual([["c", "d"]]);
    await release();
    expect(await Promise.all(all)).toEqual(["A", "B", "C", "D"]);
  });

  it("puts at most maxBatch writes in a statement, and never two of one key at once: those wait, in order", async () => {
    const { batcher, statements, release } = harness(2);
    const all = ["a:1", "a:2", "b", "c", "d", "e", "f"].map((item) => batcher.write(item));
    // a:2 waits for a:1, and b takes the other slot.
    expect(statements).toEqual([["a:1"], ["b"]]);
    await release();
    expect(statements.slice(2)).toEqual([
      ["a:2", "c", "d"],
      ["e", "f"],
    ]);
    await release();
    expect(await Promise.all(all)).toEqual(["A:1", "A:2", "B", "C", "D", "E", "F"]);
  });

  it("writes each item of a failed statement alone: only the one that fails by itself is refused", async () => {
    const { batcher, statements, release } = harness();
    const first = batcher.write("a");
    const results = ["b", "bad!", "c"].map((item) => batcher.write(item).catch((error: Error) => error.message));
    for (let turn = 0; turn < 3; turn++) await release();
    expect(await first).toBe("A");
    expect(await Promise.all(results)).toEqual(["B", "refused bad!", "C"]);
    expect(statements).toEqual([["a"], ["b", "bad!", "c"], ["b"], ["bad!"], ["c"]]);
  });

  it("writes alone what a batch answers WRITE_ALONE for, without holding up the writes after it", async () => {
    const { batcher, statements, release } = harness();
    const first = batcher.write("a");
    const batched = ["b", "c?"].map((item) => batcher.write(item));
    await release();
    const next = batcher.write("d");
    await release();
    // "c?" went alone, outside the slot, and "d" did not wait for it.
    expect(statements).toEqual([["a"], ["b", "c?"], ["c?"], ["d"]]);
    await release();
    expect(await first).toBe("A");
    expect(await Promise.all([...batched, next])).toEqual(["B", "C?", "D"]);
  });

  it("treats a batch answered with the wrong number of results as failed", async () => {
    let calls = 0;
    const batcher = createWriteBatcher<string, string>({
      key: (item) => item,
      many: async () => (calls++, ["only one"]),
      one: async (item) => item,
      slots: 1,
    });
    const all = ["a", "b", "c"].map((item) => batcher.write(item));
    expect(await Promise.all(all)).toEqual(["a", "b", "c"]);
    expect(calls).toBe(1);
  });

  it("goes on with the next writes after a failure, and rejects a write whose key cannot be computed", async () => {
    const { batcher, release } = harness();
    const bad = batcher.write("bad!").catch((error: Error) => error.message);
    await release();
    expect(await bad).toBe("refused bad!");
    const good = batcher.write("x");
    await release();
    expect(await good).toBe("X");
    const keyless = createWriteBatcher<string, string>({ key: () => { throw new Error("no key"); }, many: async (items) => items, one: async (item) => item });
    await expect(keyless.write("a")).rejects.toThrow("no key");
  });

  it("sends a write alone through `many` when `alone` says so, and what `many` leaves through `one`", async () => {
    const sent: string[] = [];
    const batcher = createWriteBatcher<string, string>({
      key: (item) => item,
      many: async (items) => (sent.push(`many ${items.join(",")}`), items.map((item) => (item.endsWith("?") ? WRITE_ALONE : item.toUpperCase()))),
      one: async (item) => (sent.push(`one ${item}`), item.toUpperCase()),
      alone: (item) => item.startsWith("insert"),
    });
    expect(await batcher.write("save")).toBe("SAVE");
    expect(await batcher.write("insert")).toBe("INSERT");
    expect(await batcher.write("save?")).toBe("SAVE?");
    expect(sent).toEqual(["many save", "one insert", "many save?", "one save?"]);
  });
});
