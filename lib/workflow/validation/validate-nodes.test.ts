import { describe, expect, it } from "vitest";
import type { InvalidNode, NativeNode, ValidateNodesResponseBody, WorkflowNode } from "@/lib/contract";
import { chain, js, makeConnector, makeNative, template, variablesConfig } from "../testing/factories";
import { CRM_CONNECTOR_UUID, makeTestCatalog, OTHER_CONNECTOR_UUID } from "../testing/test-catalog";
import { validateNodes } from "./validate-nodes";

const catalog = makeTestCatalog();
const start = () => makeNative("start", "start");
const end = (overrides: Partial<NativeNode> = {}) => makeNative("end", "end", overrides);
const vars = (slug: string, values: Record<string, unknown> = { x: 1 }) => makeNative(slug, "variables", { config: variablesConfig(values) });
const createRecord = (overrides: Parameters<typeof makeConnector>[2] = {}) =>
  makeConnector("create", "createRecord", { connectorUuid: CRM_CONNECTOR_UUID, config: { objectType: "contacts", fields: {} }, ...overrides });

/** start → check ─yes→ a ─┐
 *                └no→ b ──┴→ merged → end */
function diamond(a: WorkflowNode = vars("a"), b: WorkflowNode = vars("b"), merged: WorkflowNode = vars("merged")): WorkflowNode[] {
  return [
    { ...start(), childrenUuids: ["uuid-check"] },
    { ...makeNative("check", "branch", { config: { condition: template("{{nodes.start.score > 1}}") } }), childrenUuids: [a.uuid, b.uuid] },
    { ...a, childrenUuids: [merged.uuid] },
    { ...b, childrenUuids: [merged.uuid] },
    { ...merged, childrenUuids: ["uuid-end"] },
    end(),
  ];
}

type Row = [slug: string, reason: string, severity?: string, path?: string];

function rows(findings: InvalidNode[]): Row[] {
  return findings.map(({ node, reason, severity, path }) => {
    const row: Row = [node.slug, reason];
    if (severity !== "error" || path) row.push(severity);
    if (path) row.push(path);
    return row;
  });
}

function errorsOf(result: ValidateNodesResponseBody): Row[] {
  return result.outcome === "notValid" ? rows(result.invalidNodes) : [];
}

describe("validateNodes: valid graphs", () => {
  it.each<[string, WorkflowNode[]]>([
    ["start → end", chain(start(), end())],
    ["a start whose only child is null (the run ends there)", [start()]],
    ["branches that re-merge", diamond()],
    [
      "several end nodes",
      [start(), { ...makeNative("check", "branch", { config: { condition: js("true") } }), childrenUuids: ["uuid-skip", "uuid-end"] }, makeNative("skip", "end"), end()].map(
        (node, index) => (index === 0 ? { ...node, childrenUuids: ["uuid-check"] } : node),
      ),
    ],
    ["a connector node with its connector", chain(start(), createRecord({ config: { objectType: template("{{nodes.start.type}}"), fields: js("nodes.start") } }), end())],
    [
      "a switch with one child per route",
      chain(
        start(),
        makeNative("pick", "switch", {
          config: { routes: [{ name: "big", value: template("{{nodes.start.size > 10}}") }, { name: "small", value: js("true") }] },
          childrenUuids: ["uuid-end", null],
        }),
        end(),
      ),
    ],
    [
      "reads of known outputs: variables, a branch's condition, a closed output schema",
      chain(
        start(),
        vars("prep", { domain: template("{{nodes.start.email.split('@')[1]}}") }),
        makeNative("check", "branch", { config: { condition: template("{{nodes.prep.domain === 'x'}}") }, childrenUuids: [null, null] }),
        makeConnector("look", "lookupRecord", { connectorUuid: CRM_CONNECTOR_UUID, config: {} }),
        end({ config: variablesConfig({ c: js("nodes.check.condition"), e: template("{{nodes.look.email}}") }) }),
      ).map((node) => (node.slug === "check" ? { ...node, childrenUuids: ["uuid-look", null] } : node)),
    ],
    [
      "a group reading its items and the parent graph",
      chain(
        start(),
        vars("prep", { list: js("[1, 2]") }),
        makeNative("loop", "group", {
          config: {
            items: template("{{nodes.prep.list}}"),
            failOnItemFailure: false,
            _nodes: chain(start(), end({ config: variablesConfig({ v: template("{{nodes.start.value}} {{parentNodes.prep.list}}") }) })),
          },
        }),
        end({ config: variablesConfig({ first: template("{{nodes.loop[0].v}}") }) }),
      ),
    ],
  ])("%s", (_, nodes) => {
    expect(validateNodes(nodes, catalog)).toEqual({ outcome: "valid", warnings: [] });
  });
});

describe("validateNodes: one case per reason", () => {
  it.each<[string, WorkflowNode[], Row[]]>([
    ["startNodeNotFound: no start node", [end()], [["start", "startNodeNotFound"]]],
    ["startNodeNotFound: slug start with another action", [makeNative("start", "variables", { childrenUuids: ["uuid-end"] }), end()], [["start", "startNodeNotFound"], ["start", "slugInvalid"]]],
    [
      "slugDuplicated: two start nodes",
      [...chain(start(), end()), makeNative("start", "start", { uuid: "uuid-start-2" })],
      [["start", "slugDuplicated"], ["start", "nodeUnreachable", "warning"]],
    ],
    ["slugDuplicated: two nodes share a slug", chain(start(), vars("a"), makeNative("a", "variables", { uuid: "uuid-a-2" }), end()), [["a", "slugDuplicated"]]],
    ["uuidDuplicated", [...chain(start(), vars("a"), end()), makeNative("b", "end", { uuid: "uuid-a" })], [["b", "uuidDuplicated"]]],
    ["nodesNotFound: a child", chain(start(), makeNative("a", "variables", { childrenUuids: ["uuid-ghost"] })), [["a", "nodesNotFound"]]],
    ["nodesNotFound: a fallback", chain(start(), makeNative("a", "variables", { fallbackChildUuid: "uuid-ghost" })), [["a", "nodesNotFound"]]],
    ["childrenUuidsInvalid: a branch with one child", chain(start(), makeNative("check", "branch", { config: { condition: js("1") }, childrenUuids: [null] })), [["check", "childrenUuidsInvalid"]]],
    ["childrenUuidsInvalid: an end with a child", chain(start(), end({ childrenUuids: [null] })), [["end", "childrenUuidsInvalid"]]],
    [
      "childrenUuidsInvalid: a switch with fewer children than routes",
      chain(start(), makeNative("pick", "switch", { config: { routes: [{ name: "a", value: js("1") }, { name: "b", value: js("0") }] }, childrenUuids: [null] })),
      [["pick", "childrenUuidsInvalid"]],
    ],
    ["childrenUuidsInvalid: a two-child action with one", chain(start(), makeConnector("find", "findRecord", { connectorUuid: CRM_CONNECTOR_UUID, config: { email: "a" }, childrenUuids: [null] })), [["find", "childrenUuidsInvalid"]]],
    ["connectorNotFound: none chosen", chain(start(), createRecord({ connectorUuid: null })), [["create", "connectorNotFound"]]],
    ["connectorNotFound: unknown", chain(start(), createRecord({ connectorUuid: "c-unknown" })), [["create", "connectorNotFound"]]],
    ["connectorNotFound: another integration's", chain(start(), createRecord({ connectorUuid: OTHER_CONNECTOR_UUID })), [["create", "connectorNotFound"]]],
    ["nativeInvalid", chain(start(), makeNative("beam", "teleport", { childrenUuids: [null] })), [["beam", "nativeInvalid"]]],
    ["slugInvalid: characters", chain(start(), vars("my-node")), [["my-node", "slugInvalid"]]],
    ["slugInvalid: empty", chain(start(), makeNative("", "variables", { uuid: "uuid-empty", config: variablesConfig({}) })), [["", "slugInvalid"]]],
    ["slugInvalid: end on a variables node", chain(start(), vars("end")), [["end", "slugInvalid"]]],
    ["slugInvalid: a second start action under another slug", [...chain(start(), end()), makeNative("begin", "start")], [["begin", "slugInvalid"], ["begin", "nodeUnreachable", "warning"]]],
    ["cycleDetected: each node on the cycle", chain(start(), vars("a"), makeNative("b", "variables", { childrenUuids: ["uuid-a"] })), [["a", "cycleDetected"], ["b", "cycleDetected"]]],
    ["cycleDetected: a node pointing at itself", chain(start(), makeNative("a", "variables", { childrenUuids: ["uuid-a"] })), [["a", "cycleDetected"]]],
    ["actionNotFound: unknown integration", chain(start(), makeConnector("x", "send", { integrationSlug: "mailer", connectorUuid: OTHER_CONNECTOR_UUID })), [["x", "actionNotFound"]]],
    ["actionNotFound: unknown action", chain(start(), makeConnector("x", "deleteEverything", { connectorUuid: CRM_CONNECTOR_UUID })), [["x", "actionNotFound"]]],
    ["configInvalid: a required field missing", chain(start(), createRecord({ config: { objectType: "contacts" } })), [["create", "configInvalid", "error", "fields"]]],
    ["configInvalid: a native node out of range", chain(start(), makeNative("wait", "delay", { config: { minutes: -1 } })), [["wait", "configInvalid", "error", "minutes"]]],
    [
      "configInvalid: a switch route without a condition",
      chain(start(), makeNative("pick", "switch", { config: { routes: [{ name: "a" }] }, childrenUuids: [null] })),
      [["pick", "configInvalid", "error", "routes.0.value"]],
    ],
    ["configInvalid: a group without items", chain(start(), makeNative("loop", "group", { config: { _nodes: chain(start(), end()) } })), [["loop", "configInvalid", "error", "items"]]],
    [
      "configInvalid: a sub-node that is not a node",
      chain(start(), makeNative("loop", "group", { config: { items: js("[]"), _nodes: [{ uuid: "x", kind: "native" }] } })),
      [["loop", "configInvalid", "error", "_nodes.0.slug"], ["loop", "configInvalid", "error", "_nodes.0.actionSlug"]],
    ],
    ["expressionInvalid: a template segment", chain(start(), vars("a", { x: template("Hi {{nodes.start.}}") })), [["a", "expressionInvalid", "error", "variables.0.value"]]],
    ["expressionInvalid: a jsExpression with trailing tokens", chain(start(), vars("a", { x: js("nodes.start.a nodes.start.b") })), [["a", "expressionInvalid", "error", "variables.0.value"]]],
    ["expressionReferenceInvalid: no such node", chain(start(), vars("a", { x: template("{{nodes.ghost.x}}") })), [["a", "expressionReferenceInvalid", "error", "variables.0.value"]]],
    ["expressionReferenceInvalid: itself", chain(start(), vars("a", { x: template("{{nodes.a.x}}") })), [["a", "expressionReferenceInvalid", "error", "variables.0.value"]]],
    ["expressionReferenceInvalid: a downstream node", chain(start(), vars("a", { x: js("nodes.b.y") }), vars("b", { y: 1 })), [["a", "expressionReferenceInvalid", "error", "variables.0.value"]]],
    [
      "expressionReferenceInvalid: the other branch arm",
      diamond(vars("a"), vars("b", { y: js("nodes.a.x") })),
      [["b", "expressionReferenceInvalid", "error", "variables.0.value"]],
    ],
    ["expressionReferenceInvalid: a variable the node does not set", chain(start(), vars("a", { x: 1 }), vars("b", { y: js("nodes.a.z") })), [["b", "expressionReferenceInvalid", "error", "variables.0.value"]]],
    [
      "expressionReferenceInvalid: a field outside a closed output schema",
      chain(start(), makeConnector("look", "lookupRecord", { connectorUuid: CRM_CONNECTOR_UUID }), vars("b", { y: js("nodes.look.phone") })),
      [["b", "expressionReferenceInvalid", "error", "variables.0.value"]],
    ],
    ["expressionReferenceInvalid: parentNodes outside a group", chain(start(), vars("a", { y: js("parentNodes.start.x") })), [["a", "expressionReferenceInvalid", "error", "variables.0.value"]]],
  ])("%s", (_, nodes, expected) => {
    const result = validateNodes(nodes, catalog);
    const warnings = rows(result.warnings);
    expect([...errorsOf(result), ...warnings]).toEqual(expected);
    expect(result.outcome).toBe(errorsOf(result).length > 0 ? "notValid" : "valid");
  });

  it("reports a missing start with an empty uuid and a message saying what to add", () => {
    const result = validateNodes([end()], catalog);
    expect(result).toMatchObject({
      outcome: "notValid",
      invalidNodes: [{ node: { uuid: "", slug: "start" }, reason: "startNodeNotFound", severity: "error", message: expect.stringContaining('slug "start"') }],
    });
  });

  it("nodeUnreachable is a warning: the graph stays valid", () => {
    const result = validateNodes([...chain(start(), end()), makeNative("orphan", "end")], catalog);
    expect(result.outcome).toBe("valid");
    expect(rows(result.warnings)).toEqual([["orphan", "nodeUnreachable", "warning"]]);
  });

  it("a field missing from the last run's output is a warning, not an error", () => {
    const nodes = chain(start(), vars("b", { y: js("nodes.start.emial"), z: js("nodes.start.email") }));
    const result = validateNodes(nodes, { ...catalog, sampleOutputs: { start: { email: "a@b.c" } } });
    expect(result.outcome).toBe("valid");
    expect(result.warnings).toEqual([
      {
        node: { uuid: "uuid-b", slug: "b" },
        reason: "expressionReferenceInvalid",
        severity: "warning",
        message: expect.stringContaining('no field "emial"'),
        path: "variables.0.value",
      },
    ]);
  });

  it("nests a group's findings under subNodesInvalid, parentNodes reading the graph around the group", () => {
    const loop = makeNative("loop", "group", {
      config: {
        items: js("nodes.start.items"),
        _nodes: [
          ...chain(start(), makeNative("inner", "variables", { config: variablesConfig({ a: js("parentNodes.after.x"), b: js("parentNodes.ghost") }) }), makeNative("v", "teleport")),
          makeNative("lost", "end"),
        ],
      },
    });
    const result = validateNodes(chain(start(), loop, vars("after"), end()), catalog);
    expect(errorsOf(result)).toEqual([["loop", "subNodesInvalid"]]);
    expect(rows(result.warnings)).toEqual([["loop", "subNodesInvalid", "warning"]]);
    if (result.outcome !== "notValid") throw new Error("expected notValid");
    expect(rows(result.invalidNodes[0]!.invalidNodes!)).toEqual([
      ["inner", "expressionReferenceInvalid", "error", "variables.0.value"],
      ["inner", "expressionReferenceInvalid", "error", "variables.1.value"],
      ["v", "nativeInvalid"],
    ]);
    expect(result.invalidNodes[0]!.invalidNodes![0]!.message).toBe("parentNodes.after is not upstream of group loop: it has not run yet when group loop runs");
    expect(result.invalidNodes[0]!.invalidNodes![1]!.message).toContain("No node named ghost in the graph around the group");
    expect(rows(result.warnings[0]!.invalidNodes!)).toEqual([["lost", "nodeUnreachable", "warning"]]);
  });

  it("warns about a long delay inside a group, which waits in place; a one-second one is fine", () => {
    const loop = (minutes: number) =>
      makeNative("loop", "group", { config: { items: js("[1]"), _nodes: chain(start(), makeNative("pause", "delay", { config: { minutes } }), makeNative("done", "end")) } });
    const long = validateNodes(chain(start(), loop(30), end()), catalog);
    expect(rows(long.warnings)).toEqual([["loop", "subNodesInvalid", "warning"]]);
    expect(rows(long.warnings[0]!.invalidNodes!)).toEqual([["pause", "configInvalid", "warning", "minutes"]]);
    expect(long.warnings[0]!.invalidNodes![0]!.message).toMatch(/^Inside a group a delay waits in place/);
    expect(validateNodes(chain(start(), loop(1 / 60), end()), catalog).warnings).toEqual([]);
  });

  it("a group without a start in its sub-graph is subNodesInvalid", () => {
    const result = validateNodes(chain(start(), makeNative("loop", "group", { config: { items: js("[]"), _nodes: [] } })), catalog);
    if (result.outcome !== "notValid") throw new Error("expected notValid");
    expect(result.invalidNodes[0]).toMatchObject({ reason: "subNodesInvalid", invalidNodes: [{ reason: "startNodeNotFound" }] });
  });

  it("messages name the problem and the fix", () => {
    const nodes = chain(start(), vars("a", { x: 1 }), vars("b", { y: js("nodes.a.z"), w: template("{{nodes.c.q}}") }), vars("c"));
    const result = validateNodes(nodes, catalog);
    if (result.outcome !== "notValid") throw new Error("expected notValid");
    expect(result.invalidNodes.map((finding) => finding.message)).toEqual([
      'nodes.a.z: a does not output "z"; it outputs x',
      "nodes.c is not upstream of b: it has not run yet when b runs",
    ]);
  });
});

describe("validateNodes: order", () => {
  it("lists findings by node order, then in the contract's reason order", () => {
    const nodes = [
      makeNative("bad-slug", "teleport", { uuid: "uuid-x", childrenUuids: ["uuid-ghost"] }),
      end({ childrenUuids: [null] }),
      makeNative("b", "variables", { uuid: "uuid-x", config: variablesConfig({ v: template("{{nodes.}}") }) }),
    ];
    const result = validateNodes(nodes, catalog);
    expect(errorsOf(result)).toEqual([
      ["start", "startNodeNotFound"],
      ["bad-slug", "nodesNotFound"],
      ["bad-slug", "nativeInvalid"],
      ["bad-slug", "slugInvalid"],
      ["end", "childrenUuidsInvalid"],
      ["b", "uuidDuplicated"],
      ["b", "expressionInvalid", "error", "variables.0.value"],
    ]);
  });

  it("gives the same answer twice, and for a JSON copy of the graph and catalog", () => {
    const nodes = diamond(vars("a"), vars("b", { y: js("nodes.a.x") }));
    const first = validateNodes(nodes, catalog);
    expect(validateNodes(nodes, catalog)).toEqual(first);
    expect(validateNodes(structuredClone(nodes), structuredClone(catalog))).toEqual(first);
  });
});
