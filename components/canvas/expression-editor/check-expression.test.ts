import { describe, expect, it } from "vitest";
import { chain, makeConnector, makeNative } from "@/lib/workflow/testing/factories";
import { makeTestCatalog } from "@/lib/workflow/testing/test-catalog";
import { expressionProblems } from "./check-expression";
import { buildExpressionScope } from "./expression-scope";

const start = makeNative("start", "start");
const lookup = makeConnector("lookup", "lookupRecord");
const create = makeConnector("create", "createRecord");
const later = makeNative("later", "end", { config: { variables: [] } });
const nodes = chain(start, lookup, create, later);
const scope = buildExpressionScope(nodes, create.uuid, makeTestCatalog(), { start: { email: "a@b.c", company: { name: "Acme" } } });
const messages = (text: string) => expressionProblems(text, scope).map((problem) => problem.message);

describe("expressionProblems", () => {
  it("accepts reads of upstream nodes' known fields, and plain text", () => {
    expect(messages("{{nodes.start.email}} at {{ nodes.lookup.id.toUpperCase() }}")).toEqual([]);
    expect(messages("no templates here, even { braces }")).toEqual([]);
    expect(messages("{{nodes.start.company.name}}")).toEqual([]);
  });

  it("flags a field the node is known not to output", () => {
    expect(expressionProblems("{{nodes.lookup.recrd}}", scope)).toEqual([{ message: "nodes.lookup.recrd is not an output of lookup", severity: "error" }]);
    expect(messages("{{nodes.start.company.nme}}")).toEqual(["nodes.start.company.nme is not an output of start"]);
  });

  it("flags a field missing from the last run's output as a warning only", () => {
    expect(expressionProblems("{{nodes.start.emial}}", scope)).toEqual([{ message: "nodes.start.emial is not an output of start", severity: "warning" }]);
  });

  it("flags nodes downstream, the node itself, and slugs nobody has", () => {
    expect(messages("{{nodes.later.x}}")).toEqual(["nodes.later is not upstream of this node"]);
    expect(messages("{{nodes.create.id}}")).toEqual(["nodes.create is this node: it cannot read its own output"]);
    expect(messages("{{nodes.nobody}}")).toEqual(["nodes.nobody: there is no node with the slug nobody"]);
  });

  it("shows acorn's message for a segment that does not parse", () => {
    const [problem] = expressionProblems("Hi {{ nodes.start. }}", scope);
    expect(problem?.severity).toBe("error");
    expect(problem?.message).toMatch(/^Syntax error in \{\{nodes\.start\.\}\}: Unexpected token \(1:\d+\)$/);
  });

  it("leaves an unclosed {{ alone while it is being typed", () => {
    expect(messages("{{nodes.sta")).toEqual([]);
  });

  it("reads a jsExpression as code throughout", () => {
    expect(expressionProblems("nodes.later.x", scope, "javascript").map((problem) => problem.message)).toEqual(["nodes.later is not upstream of this node"]);
  });
});
