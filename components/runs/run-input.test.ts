import { describe, expect, it } from "vitest";
import type { WorkflowNode } from "@/lib/contract";
import { defaultRunInput, parseRunInput, startFieldsUsed, startInputSchema } from "./run-input";

const tmpl = (expression: string) => ({ kind: "templateExpression", expression, instructTo: "none", fromRecipe: false });
const node = (slug: string, actionSlug: string, config: Record<string, unknown> = {}): WorkflowNode =>
  ({ uuid: slug, slug, kind: "native", actionSlug, config, childrenUuids: [], fallbackOnFailure: false, position: { x: 0, y: 0 } }) as WorkflowNode;

describe("parseRunInput", () => {
  it.each([
    ['{"email": "a@b.c"}', { ok: true, data: { email: "a@b.c" } }],
    ["{}", { ok: true, data: {} }],
  ])("accepts an object: %s", (text, expected) => expect(parseRunInput(text)).toEqual(expected));

  it.each(["[]", "null", "3", '"text"'])("refuses JSON that is not an object: %s", (text) => {
    expect(parseRunInput(text)).toEqual({ ok: false, message: expect.stringMatching(/must be a JSON object/) });
  });

  it("refuses text that is not JSON, saying so", () => {
    expect(parseRunInput("{email:")).toEqual({ ok: false, message: expect.stringMatching(/^Not valid JSON/) });
  });
});

describe("startFieldsUsed / defaultRunInput", () => {
  const nodes = [
    node("start", "start"),
    node("check", "branch", { condition: tmpl("{{nodes.start.vip && nodes.start.email.endsWith('.com')}}") }),
    node("end", "end", { variables: [{ name: "who", type: "string", value: tmpl("Hi {{nodes.start.name}} ({{nodes.check.condition}})") }] }),
  ];

  it("lists the start fields the graph reads, once each, in order", () => {
    expect(startFieldsUsed(nodes)).toEqual(["vip", "email", "name"]);
  });

  it("offers them as an empty object to fill in", () => {
    expect(JSON.parse(defaultRunInput(nodes))).toEqual({ vip: "", email: "", name: "" });
    expect(defaultRunInput([node("start", "start")])).toBe("{}");
  });
});

describe("startInputSchema", () => {
  it("is the start node's object schema, when it declares one", () => {
    const schema = { type: "object", properties: { email: { type: "string" } } };
    expect(startInputSchema([node("start", "start", { inputSchema: schema })])).toBe(schema);
    expect(startInputSchema([node("start", "start")])).toBeUndefined();
    expect(startInputSchema([node("start", "start", { inputSchema: { type: "string" } })])).toBeUndefined();
  });
});
