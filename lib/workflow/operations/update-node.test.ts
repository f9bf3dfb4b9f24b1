import { describe, expect, it } from "vitest";
import { makeConnector, makeNative } from "../testing/factories";
import { apply } from "./index";

describe("updateNode", () => {
  const graph = () => [makeConnector("create", "createRecord", { name: "Create" }), makeNative("oops", "end")];

  it("patches the given fields and keeps the others", () => {
    const next = apply(graph(), {
      type: "updateNode",
      uuid: "uuid-create",
      patch: {
        description: "Adds the lead",
        connectorUuid: "c1",
        retry: { maximumAttempts: 3, initialInterval: 1000, backoffCoefficient: 2 },
        fallbackOnFailure: true,
        fallbackChildUuid: "uuid-oops",
      },
    });
    expect(next[0]).toMatchObject({
      name: "Create",
      description: "Adds the lead",
      connectorUuid: "c1",
      retry: { maximumAttempts: 3 },
      fallbackOnFailure: true,
      fallbackChildUuid: "uuid-oops",
    });
  });

  it("null clears an optional field", () => {
    const withFallback = apply(graph(), { type: "updateNode", uuid: "uuid-create", patch: { fallbackChildUuid: "uuid-oops" } });
    const cleared = apply(withFallback, { type: "updateNode", uuid: "uuid-create", patch: { name: null, fallbackChildUuid: null, connectorUuid: null } });
    expect(cleared[0]).not.toHaveProperty("name");
    expect(cleared[0]).not.toHaveProperty("fallbackChildUuid");
    expect(cleared[0]).toHaveProperty("connectorUuid", null);
  });

  it.each([
    [{ uuid: "nope", patch: { name: "x" } }, /No node with uuid "nope"/],
    [{ uuid: "uuid-create", patch: { fallbackChildUuid: "nope" } }, /No fallback node with uuid "nope"/],
    [{ uuid: "uuid-oops", patch: { connectorUuid: "c1" } }, /takes no connector/],
  ])("refuses %o", (operation, message) => {
    expect(() => apply(graph(), { type: "updateNode", ...operation })).toThrow(message);
  });
});
