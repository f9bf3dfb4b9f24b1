import { describe, expect, it } from "vitest";
import type { WorkflowNode } from "@/lib/contract";
import { nativeIntegration } from "@/lib/integrations/native/native-integration";
import { validateNodes } from "@/lib/workflow";
import { chain, js, makeNative, template, variablesConfig } from "@/lib/workflow/testing/factories";
import { generateGraph } from "@/lib/workflow/testing/generate-graph";
import { makeTestCatalog, nativeTestActions } from "@/lib/workflow/testing/test-catalog";
import type { Deps } from "./deps";
import { validateWorkflowNodes, validationCatalog } from "./validate-nodes";

const CONNECTOR = { uuid: "c0000000-0000-4000-8000-00000000000a", integrationSlug: "native" };

function fakeDeps() {
  return {
    integrations: { list: async () => [{ integration: nativeIntegration, custom: null, error: null }] },
    db: { connectors: { list: async () => [{ ...CONNECTOR, slug: "c", name: "C", sealedConfig: "", lastTest: null, createdAt: "", updatedAt: "" }] } },
  } as unknown as Pick<Deps, "db" | "integrations">;
}

describe("validationCatalog", () => {
  it("holds every integration's actions by reference, and the workspace's connectors", async () => {
    const catalog = await validationCatalog(fakeDeps(), "w");
    expect(catalog.connectors).toEqual([CONNECTOR]);
    expect(catalog.integrations.native?.actions.branch?.jsonSchema).toBe(nativeIntegration.actions.branch?.config.jsonSchema);
    expect(catalog.integrations.native?.actions.branch?.children).toEqual([{ text: "Yes" }, { text: "No" }]);
  });
});

describe("validateWorkflowNodes", () => {
  it("finds a generated 300-node graph valid against the real built-in integration", async () => {
    expect(await validateWorkflowNodes(fakeDeps(), "w", generateGraph(300))).toEqual({ outcome: "valid", warnings: [] });
  });

  it("reports findings through the real built-in schemas", async () => {
    const nodes = chain(makeNative("start", "start"), makeNative("wait", "delay", { config: { minutes: "soon" } }));
    const result = await validateWorkflowNodes(fakeDeps(), "w", nodes);
    expect(result).toMatchObject({ outcome: "notValid", invalidNodes: [{ reason: "configInvalid", path: "minutes" }] });
  });
});

// lib/workflow's tests use a copy of the built-in schemas (it may not import lib/integrations):
// the copy must judge configs as the real ones do.
describe("the test catalog's copy of the built-in actions", () => {
  const real = { ...makeTestCatalog(), integrations: { native: { name: "Built-in", actions: catalogActions() } } };

  it("lists the same actions", () => {
    expect(Object.keys(nativeTestActions).sort()).toEqual(Object.keys(nativeIntegration.actions).sort());
  });

  it.each<[string, WorkflowNode]>([
    ["end", makeNative("end", "end", { config: variablesConfig({ a: js("1") }) })],
    ["end with a bad variable", makeNative("end", "end", { config: { variables: [{ name: "a b", type: "text" }] } })],
    ["filter", makeNative("f", "filter", { config: { filter: template("{{true}}") } })],
    ["filter without a condition", makeNative("f", "filter", { config: {} })],
    ["switch without routes", makeNative("s", "switch", { config: { routes: [] } })],
    ["split out of range", makeNative("s", "split", { config: { percentage: 120 } })],
    ["delay as text", makeNative("d", "delay", { config: { minutes: "5" } })],
    ["httpRequest", makeNative("h", "httpRequest", { config: { method: "GET", url: "https://x", headers: { a: "b" } } })],
    ["httpRequest with a bad method", makeNative("h", "httpRequest", { config: { method: "FETCH", headers: { a: 1 } } })],
  ])("%s", (_, node) => {
    const nodes = chain(makeNative("start", "start"), node);
    expect(validateNodes(nodes, makeTestCatalog())).toEqual(validateNodes(nodes, real));
  });
});

function catalogActions() {
  return Object.fromEntries(
    Object.entries(nativeIntegration.actions).map(([slug, action]) => [
      slug,
      { name: action.name, jsonSchema: action.config.jsonSchema, ...(action.children && { children: action.children }) },
    ]),
  );
}
