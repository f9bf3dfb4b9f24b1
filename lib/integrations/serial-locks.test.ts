import { describe, expect, it } from "vitest";
import { createSerialLocks } from "./serial-locks";

/** A task that stays running until `finish` (or `fail`) is called, recording when it ran. */
function controlledTask(log: string[], name: string) {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const done = new Promise<string>((resolve, reject) => {
    finish = () => resolve(name);
    fail = reject;
  });
  const task = () => {
    log.push(`start ${name}`);
    return done.finally(() => log.push(`end ${name}`));
  };
  return { task, finish, fail };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("serial locks", () => {
  it("runs the tasks of one key one at a time, first come first served, and other keys alongside", async () => {
    const locks = createSerialLocks();
    const log: string[] = [];
    const [a, b, c, other] = ["a", "b", "c", "other"].map((name) => controlledTask(log, name));
    const runs = [locks.run("k", a!.task), locks.run("k", b!.task), locks.run("k", c!.task), locks.run("k2", other!.task)];
    await turn();
    expect(log).toEqual(["start a", "start other"]);
    c!.finish();
    b!.finish();
    await turn();
    expect(log).toEqual(["start a", "start other"]);
    a!.finish();
    other!.finish();
    expect(await Promise.all(runs)).toEqual(["a", "b", "c", "other"]);
    expect(log).toEqual(["start a", "start other", "end a", "end other", "start b", "end b", "start c", "end c"]);
  });

  it("releases the lock when a task fails", async () => {
    const locks = createSerialLocks();
    const log: string[] = [];
    const [a, b] = ["a", "b"].map((name) => controlledTask(log, name));
    const first = locks.run("k", a!.task);
    const second = locks.run("k", b!.task);
    a!.fail(new Error("upstream down"));
    await expect(first).rejects.toThrow("upstream down");
    b!.finish();
    expect(await second).toBe("b");
  });

  it("drops a waiter whose signal aborts, and the next one still gets the lock", async () => {
    const locks = createSerialLocks();
    const log: string[] = [];
    const [a, b, c] = ["a", "b", "c"].map((name) => controlledTask(log, name));
    const first = locks.run("k", a!.task);
    const controller = new AbortController();
    const aborted = locks.run("k", b!.task, controller.signal);
    const third = locks.run("k", c!.task);
    controller.abort(new Error("cancelled"));
    await expect(aborted).rejects.toThrow("cancelled");
    a!.finish();
    c!.finish();
    expect([await first, await third]).toEqual(["a", "c"]);
    expect(log).not.toContain("start b");
    await expect(locks.run("k", async () => "x", AbortSignal.abort(new Error("already")))).rejects.toThrow("already");
  });
});
