import { describe, expect, it } from "vitest";
import { js, makeNative, template } from "../testing/factories";
import { configExpressions, mapConfigExpressions } from "./config-expressions";

describe("configExpressions", () => {
  it("finds expression objects at any depth, with their paths", () => {
    const node = makeNative("call", "httpRequest", {
      config: { method: "GET", url: template("{{nodes.start.url}}"), headers: { a: js("nodes.start.token") }, list: [1, { x: js("1") }] },
    });
    expect(configExpressions(node).map(({ path }) => path)).toEqual([["url"], ["headers", "a"], ["list", 1, "x"]]);
  });

  it("leaves a group's sub-graph out", () => {
    const node = makeNative("loop", "group", { config: { items: js("nodes.start.items"), _nodes: [{ config: { x: js("1") } }] } });
    expect(configExpressions(node).map(({ path }) => path)).toEqual([["items"]]);
  });

  it("maps expressions, keeping unchanged branches (and the config) as they are", () => {
    const node = makeNative("call", "httpRequest", { config: { url: js("a"), headers: { x: "1" }, body: [js("b")] } });
    const same = mapConfigExpressions(node, (expression) => expression);
    expect(same).toBe(node.config);
    const mapped = mapConfigExpressions(node, (expression) => (expression.expression === "b" ? js("c") : expression));
    expect(mapped.body).toEqual([js("c")]);
    expect(mapped.headers).toBe(node.config.headers);
  });
});
