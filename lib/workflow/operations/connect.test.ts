import { describe, expect, it } from "vitest";
import { makeNative } from "../testing/factories";
import { apply } from "./index";

const graph = () => [makeNative("check", "branch"), makeNative("yes", "end"), makeNative("no", "end")];

describe("connect and disconnect", () => {
  it("points a child slot at a node, replacing what was there", () => {
    const connected = apply(graph(), { type: "connect", sourceUuid: "uuid-check", childIndex: 1, targetUuid: "uuid-no" });
    expect(connected[0]!.childrenUuids).toEqual([null, "uuid-no"]);
    const replaced = apply(connected, { type: "connect", sourceUuid: "uuid-check", childIndex: 1, targetUuid: "uuid-yes" });
    expect(replaced[0]!.childrenUuids).toEqual([null, "uuid-yes"]);
    expect(connected[0]!.childrenUuids).toEqual([null, "uuid-no"]);
  });

  it("disconnect leaves null: a run ends there", () => {
    const connected = apply(graph(), { type: "connect", sourceUuid: "uuid-check", childIndex: 0, targetUuid: "uuid-yes" });
    const disconnected = apply(connected, { type: "disconnect", sourceUuid: "uuid-check", childIndex: 0 });
    expect(disconnected[0]!.childrenUuids).toEqual([null, null]);
    expect(disconnected[1]).toBe(connected[1]);
  });

  it.each([
    [{ type: "connect", sourceUuid: "nope", childIndex: 0, targetUuid: "uuid-yes" }, /No source node with uuid "nope"/],
    [{ type: "connect", sourceUuid: "uuid-check", childIndex: 0, targetUuid: "nope" }, /No target node with uuid "nope"/],
    [{ type: "connect", sourceUuid: "uuid-check", childIndex: 2, targetUuid: "uuid-yes" }, /has 2 child slots; child index 2 is out of range/],
    [{ type: "connect", sourceUuid: "uuid-yes", childIndex: 0, targetUuid: "uuid-no" }, /has 0 child slots/],
    [{ type: "disconnect", sourceUuid: "uuid-check", childIndex: -1 }, /child index -1 is out of range/],
    [{ type: "disconnect", sourceUuid: "nope", childIndex: 0 }, /No source node/],
  ] as const)("refuses %o", (operation, message) => {
    expect(() => apply(graph(), operation)).toThrow(message);
  });
});
