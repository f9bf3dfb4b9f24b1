import { describe, expect, it } from "vitest";
import { within } from "./within";

describe("within", () => {
  it("answers what the promise resolves to when it comes first", async () => {
    expect(await within(Promise.resolve(7), 1_000)).toBe(7);
  });

  it("answers undefined once the time has passed first, also when the time is itself awaited", async () => {
    const never = new Promise<number>(() => undefined);
    const started = performance.now();
    expect(await within(never, 30)).toBeUndefined();
    expect(await within(never, Promise.resolve(30))).toBeUndefined();
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it("passes a rejection on", async () => {
    await expect(within(Promise.reject(new Error("no")), 1_000)).rejects.toThrow("no");
  });
});
