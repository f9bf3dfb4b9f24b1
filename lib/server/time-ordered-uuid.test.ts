import { expect, it } from "vitest";
import { timeOrderedUuid } from "./time-ordered-uuid";

it("makes version 7 uuids, unique and in the order they were made, many within one millisecond", () => {
  const uuids = Array.from({ length: 5000 }, () => timeOrderedUuid());
  expect(new Set(uuids).size).toBe(uuids.length);
  expect([...uuids].sort()).toEqual(uuids);
  for (const uuid of uuids) expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  // The time is now's: the first 48 bits are the milliseconds.
  expect(Math.abs(parseInt(uuids[0]!.replace(/-/g, "").slice(0, 12), 16) - Date.now())).toBeLessThan(60_000);
});
