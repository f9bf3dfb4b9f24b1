import { describe, expect, it } from "vitest";
import { makeNative, template } from "../testing/factories";
import { apply } from "./index";

const route = (name: string) => ({ name, value: template(`{{nodes.start.kind === "${name}"}}`) });

describe("updateConfig", () => {
  it("replaces the config", () => {
    const nodes = [makeNative("wait", "delay")];
    const next = apply(nodes, { type: "updateConfig", uuid: "uuid-wait", config: { minutes: 5 } });
    expect(next[0]!.config).toEqual({ minutes: 5 });
    expect(nodes[0]!.config).toEqual({ minutes: 1 });
  });

  it("resizes a switch's children to its routes, keeping existing connections", () => {
    const nodes = [makeNative("pick", "switch", { config: { routes: [route("a"), route("b")] }, childrenUuids: ["x", "y"] })];
    const grown = apply(nodes, { type: "updateConfig", uuid: "uuid-pick", config: { routes: [route("a"), route("b"), route("c")] } });
    expect(grown[0]!.childrenUuids).toEqual(["x", "y", null]);
    const shrunk = apply(grown, { type: "updateConfig", uuid: "uuid-pick", config: { routes: [route("a")] } });
    expect(shrunk[0]!.childrenUuids).toEqual(["x"]);
  });

  it("keeps a switch's children while its routes are an expression", () => {
    const nodes = [makeNative("pick", "switch", { config: { routes: [route("a")] }, childrenUuids: ["x"] })];
    const next = apply(nodes, { type: "updateConfig", uuid: "uuid-pick", config: { routes: template("{{nodes.start.routes}}") } });
    expect(next[0]!.childrenUuids).toEqual(["x"]);
  });

  it("refuses an unknown uuid", () => {
    expect(() => apply([], { type: "updateConfig", uuid: "nope", config: {} })).toThrow(/No node with uuid "nope"/);
  });
});
