import { describe, expect, it } from "vitest";
import { chain, makeConnector, makeNative, variablesConfig } from "@/lib/workflow/testing/factories";
import { makeTestCatalog } from "@/lib/workflow/testing/test-catalog";
import { applyCompletion, completeAt, segmentAt } from "./completions";
import { buildExpressionScope } from "./expression-scope";

const start = makeNative("start", "start");
const lookup = makeConnector("lookup", "lookupRecord");
const prep = makeNative("prep", "variables", { config: variablesConfig({ domain: 1, "first-name": 2 }) });
const create = makeConnector("create", "createRecord");
const later = makeNative("later", "end", { config: { variables: [] } });
const nodes = chain(start, lookup, prep, create, later);
const runContext = { start: { email: "ada@example.com", company: { name: "Acme" } } };
const scope = buildExpressionScope(nodes, create.uuid, makeTestCatalog(), runContext);

const labels = (text: string, caret = text.length) => completeAt(text, caret, scope)?.items.map((item) => item.label);

/** Types `text`, accepts the suggestion `label`, and returns the text with `|` at the caret. */
function accept(text: string, label: string, caret = text.length): string {
  const completion = completeAt(text, caret, scope)!;
  const item = completion.items.find((candidate) => candidate.label === label)!;
  const result = applyCompletion(text, completion, item);
  return `${result.text.slice(0, result.caret)}|${result.text.slice(result.caret)}`;
}

describe("completeAt", () => {
  it("suggests the upstream slugs after {{nodes. — never the node itself or one downstream", () => {
    expect(labels("{{nodes.")).toEqual(["start", "lookup", "prep"]);
    expect(labels("Hi {{ nodes.")).toEqual(["start", "lookup", "prep"]);
  });

  it("narrows to what the partial word starts with, then what contains it", () => {
    expect(labels("{{nodes.st")).toEqual(["start"]);
    expect(labels("{{nodes.o")).toEqual(["lookup"]);
    expect(labels("{{nodes.zz")).toBeUndefined();
  });

  it("suggests a node's fields from the run's context, nested objects too", () => {
    expect(labels("{{nodes.start.")).toEqual(["email", "company"]);
    expect(labels("{{nodes.start.company.")).toEqual(["name"]);
    expect(completeAt("{{nodes.start.", 14, scope)?.items[0]?.detail).toBe('"ada@example.com"');
  });

  it("suggests declared outputs: an action's outputSchema, variable names", () => {
    expect(labels("{{nodes.lookup.")).toEqual(["id", "email"]);
    expect(labels("{{nodes.prep.")).toEqual(["domain", "first-name"]);
  });

  it("has nothing for a node with no known output, a node not upstream, or a field without one", () => {
    expect(labels("{{nodes.later.")).toBeUndefined();
    expect(labels("{{nodes.start.email.")).toBeUndefined();
    expect(labels("{{ nodes.start.email }} then")).toBeUndefined();
  });

  it("offers nodes right after {{", () => {
    expect(labels("{{")).toEqual(["nodes"]);
    expect(labels("{{ no")).toEqual(["nodes"]);
    expect(labels("{{ x")).toBeUndefined();
  });

  it("closes an open segment on accepting, and leaves the caret before the }}", () => {
    expect(accept("{{nodes.", "start")).toBe("{{nodes.start|}}");
    expect(accept("{{nodes.start.em", "email")).toBe("{{nodes.start.email|}}");
    expect(accept("{{", "nodes")).toBe("{{nodes.|}}");
  });

  it("replaces the whole word at the caret inside a closed segment", () => {
    expect(accept("{{nodes.st}} and more", "start", 10)).toBe("{{nodes.start|}} and more");
    expect(accept("{{nodes.start.emial}}", "email", 16)).toBe("{{nodes.start.email|}}");
  });

  it("wraps nodes. typed outside a segment in {{ }}", () => {
    expect(accept("Hi nodes.", "start")).toBe("Hi {{nodes.start|}}");
  });

  it("reads a key that is not an identifier with brackets", () => {
    expect(accept("{{nodes.prep.fi", "first-name")).toBe('{{nodes.prep["first-name"]|}}');
  });

  it("completes anywhere in a jsExpression", () => {
    expect(completeAt("nodes.", 6, scope, "javascript")?.items.map((item) => item.label)).toEqual(["start", "lookup", "prep"]);
  });
});

describe("segmentAt", () => {
  it("finds the segment around the caret, and whether it lacks its }}", () => {
    expect(segmentAt("a {{b", 5)).toEqual({ start: 4, open: true });
    expect(segmentAt("a {{b}} c", 5)).toEqual({ start: 4, open: false });
    expect(segmentAt("a {{b}} c", 9)).toBeNull();
    expect(segmentAt("{{a {{b}}", 3)).toEqual({ start: 2, open: true });
  });
});
