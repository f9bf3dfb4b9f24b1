import { describe, expect, it } from "vitest";
import { chain, makeConnector, makeNative, template, variablesConfig } from "@/lib/workflow/testing/factories";
import { makeTestCatalog } from "@/lib/workflow/testing/test-catalog";
import { buildExpressionScope } from "./expression-scope";

const catalog = makeTestCatalog();
const start = makeNative("start", "start");
const lookup = makeConnector("lookup", "lookupRecord", { name: "Look up" });
const prep = makeNative("prep", "variables", { config: variablesConfig({ domain: template("{{nodes.start.email}}") }) });
const check = makeNative("check", "branch", { config: { condition: template("{{nodes.prep.domain}}") } });
const create = makeConnector("create", "createRecord");
const later = makeNative("later", "end", { config: { variables: [] } });
const nodes = chain(start, lookup, prep, check, create, later);

describe("buildExpressionScope", () => {
  it("holds the nodes upstream of the edited one, in graph order, never itself or one downstream", () => {
    const scope = buildExpressionScope(nodes, create.uuid, catalog, undefined);
    expect([...scope.upstream.keys()]).toEqual(["start", "lookup", "prep", "check"]);
    expect(scope.slug).toBe("create");
    expect(scope.slugs.has("later")).toBe(true);
    expect(scope.upstream.get("lookup")?.title).toBe("Look up");
    expect(scope.upstream.get("prep")?.title).toBe("Variables");
  });

  it("knows declared outputs: variable names, a branch's condition, a closed outputSchema", () => {
    const scope = buildExpressionScope(nodes, create.uuid, catalog, undefined);
    expect(Object.keys(scope.upstream.get("prep")!.output!.fields)).toEqual(["domain"]);
    expect(scope.upstream.get("check")!.output).toMatchObject({ fields: { condition: {} }, complete: true, source: "declared" });
    expect(scope.upstream.get("lookup")!.output).toMatchObject({ fields: { id: { hint: "string" }, email: { hint: "string" } }, complete: true });
    expect(scope.upstream.get("start")!.output).toBeUndefined();
  });

  it("adds what the shown run's context holds, nested objects too, with a preview of each value", () => {
    const runContext = { start: { email: "ada@example.com", company: { name: "Acme", size: 12 } } };
    const output = buildExpressionScope(nodes, create.uuid, catalog, runContext).upstream.get("start")!.output!;
    expect(output.source).toBe("run");
    expect(output.fields.email!.hint).toBe('"ada@example.com"');
    expect(output.fields.company!.hint).toBe("object");
    expect(Object.keys(output.fields.company!.inner!.fields)).toEqual(["name", "size"]);
    expect(output.fields.company!.inner!.fields.size!.hint).toBe("12");
  });

  it("merges a run's fields into a declaration that is not closed", () => {
    const open = makeConnector("open", "createRecord");
    const scope = buildExpressionScope(chain(start, open, later), later.uuid, catalog, { open: { id: "c_1" } });
    expect(scope.upstream.get("open")!.output).toMatchObject({ fields: { id: {} }, source: "run" });
  });
});
