import { describe, expect, it } from "vitest";
import { createWriteBatcher } from "./write-batcher";

/** A batcher over a fake store: each statement waits for `release`, so a test decides what is in flight. */
function harness({ failWhen = (_items: string[]): boolean => false }: { failWhen?: (items: string[]) => boolean } = {}) {
  const statements: string[][] = [];
  const gates: Array<() => void> = [];
  const statement = async (items: string[]) => {
    statements.push(items);
    await new Promise<void>((resolve) => gates.push(resolve));
    if (failWhen(items)) throw new Error(`refused ${items.join(",")}`);
    return items.map((item) => item.toUpperCase());
  };
  const batcher = createWriteBatcher<string, string>({
    key: (item) => item.split(":")[0]!,
    many: statement,
    one: async (item) => (await statement([item]))[0]!,
    maxBatch: 3,
  });
  /** Lets the statements in flight finish, then waits for the next ones to be sent. */
  const release = async () => {
    for (const open of gates.splice(0)) open();
    await new Promise((resolve) => setTimeout(resolve, 0));
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

  it("puts at most maxBatch writes in a statement, and never two of one key: those wait, in order", async () => {
    const { batcher, statements, release } = harness();
    const all = ["a", "b:1", "b:2", "c", "d", "e"].map((item) => batcher.write(item));
    await release();
    expect(statements[1]).toEqual(["b:1", "c", "d"]);
    await release();
    expect(statements[2]).toEqual(["b:2", "e"]);
    await release();
    expect(await Promise.all(all)).toEqual(["A", "B:1", "B:2", "C", "D", "E"]);
  });

  it("tries each write of a failed statement alone: only the one that fails by itself is refused", async () => {
    const { batcher, statements, release } = harness({ failWhen: (items) => items.includes("bad") });
    const first = batcher.write("a");
    const results = ["b", "bad", "c"].map((item) => batcher.write(item).catch((error: Error) => error.message));
    await release();
    for (let turn = 0; turn < 4; turn++) await release();
    expect(await first).toBe("A");
    expect(await Promise.all(results)).toEqual(["B", "refused bad", "C"]);
    expect(statements).toEqual([["a"], ["b", "bad", "c"], ["b"], ["bad"], ["c"]]);
  });

  it("goes on with the next writes after a failure", async () => {
    const { batcher, release } = harness({ failWhen: (items) => items.includes("bad") });
    const bad = batcher.write("bad").catch((error: Error) => error.message);
    await release();
    expect(await bad).toBe("refused bad");
    const good = batcher.write("x");
    await release();
    expect(await good).toBe("X");
  });
});
