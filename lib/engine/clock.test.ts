import { afterEach, expect, it, vi } from "vitest";

const KEPT = Symbol.for("relay.nativeDate");
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[KEPT];
  vi.resetModules();
});

it("reads the time through the Date its launcher kept (scripts/compiled.mjs), not the global one Next wraps", async () => {
  class Kept extends Date {}
  (globalThis as Record<symbol, unknown>)[KEPT] = Kept;
  vi.resetModules();
  const { systemClock } = await import("./clock");
  const now = systemClock.now();
  expect(now).toBeInstanceOf(Kept);
  expect(Math.abs(now.getTime() - Date.now())).toBeLessThan(1_000);
});

it("uses the global Date where nothing was kept (tests, next dev)", async () => {
  vi.resetModules();
  const { systemClock } = await import("./clock");
  expect(systemClock.now().constructor).toBe(Date);
});
