import type { WorkflowNode } from "@/lib/contract";
import { chain, js, makeConnector, makeNative, template, variablesConfig } from "@/lib/workflow/testing/factories";

/** A graph and the reasons validation must give for it (errors and warnings, in order). */
export interface ValidationCase {
  name: string;
  nodes: WorkflowNode[];
  reasons: string[];
}

const start = () => makeNative("start", "start");
const end = () => makeNative("end", "end");
const vars = (slug: string, values: Record<string, unknown> = { x: 1 }) => makeNative(slug, "variables", { config: variablesConfig(values) });

/**
 * One graph per finding, against the demo integration (`demo_crm`) and one of its connectors;
 * shared by the API spec and the browser/server agreement spec.
 */
export function validationCases(connectorUuid: string): ValidationCase[] {
  const createRecord = (overrides: Parameters<typeof makeConnector>[2] = {}) =>
    makeConnector("create", "createRecord", {
      integrationSlug: "demo_crm",
      connectorUuid,
      config: { objectType: template("{{nodes.start.type}}"), fields: { email: template("{{nodes.start.email}}") } },
      ...overrides,
    });
  return [
    { name: "start → end", nodes: chain(start(), end()), reasons: [] },
    {
      name: "a demo createRecord node with expressions, then branches that re-merge",
      nodes: [
        ...chain(start(), createRecord(), makeNative("check", "branch", { config: { condition: js("nodes.create.id !== undefined") } })),
        vars("yes", { id: template("{{nodes.create.id}}") }),
        vars("no", { id: js("null") }),
        end(),
      ].map((node) => {
        if (node.slug === "check") return { ...node, childrenUuids: ["uuid-yes", "uuid-no"] };
        if (node.slug === "yes" || node.slug === "no") return { ...node, childrenUuids: ["uuid-end"] };
        return node;
      }),
      reasons: [],
    },
    { name: "startNodeNotFound", nodes: [end()], reasons: ["startNodeNotFound"] },
    { name: "nodesNotFound", nodes: chain(start(), makeNative("a", "variables", { childrenUuids: ["uuid-ghost"] })), reasons: ["nodesNotFound"] },
    { name: "childrenUuidsInvalid", nodes: chain(start(), makeNative("check", "branch", { config: { condition: js("true") }, childrenUuids: [null] })), reasons: ["childrenUuidsInvalid"] },
    { name: "connectorNotFound: none chosen", nodes: chain(start(), createRecord({ connectorUuid: null })), reasons: ["connectorNotFound"] },
    { name: "connectorNotFound: unknown", nodes: chain(start(), createRecord({ connectorUuid: "00000000-0000-4000-8000-00000000dead" })), reasons: ["connectorNotFound"] },
    { name: "nativeInvalid", nodes: chain(start(), makeNative("beam", "teleport", { childrenUuids: [null] })), reasons: ["nativeInvalid"] },
    { name: "slugInvalid", nodes: chain(start(), vars("my-node")), reasons: ["slugInvalid"] },
    {
      name: "subNodesInvalid",
      nodes: chain(start(), makeNative("loop", "group", { config: { items: js("[1, 2]"), _nodes: [makeNative("inner", "teleport")] } })),
      reasons: ["subNodesInvalid"],
    },
    { name: "uuidDuplicated", nodes: [...chain(start(), vars("a"), end()), makeNative("b", "end", { uuid: "uuid-a" })], reasons: ["uuidDuplicated"] },
    { name: "slugDuplicated", nodes: chain(start(), vars("a"), makeNative("a", "variables", { uuid: "uuid-a-2" }), end()), reasons: ["slugDuplicated"] },
    { name: "cycleDetected", nodes: chain(start(), vars("a"), makeNative("b", "variables", { childrenUuids: ["uuid-a"] })), reasons: ["cycleDetected", "cycleDetected"] },
    { name: "nodeUnreachable (a warning)", nodes: [...chain(start(), end()), makeNative("orphan", "end")], reasons: ["nodeUnreachable"] },
    { name: "actionNotFound", nodes: chain(start(), createRecord({ actionSlug: "deleteEverything" })), reasons: ["actionNotFound"] },
    { name: "configInvalid", nodes: chain(start(), createRecord({ config: { objectType: "contacts" } })), reasons: ["configInvalid"] },
    { name: "expressionInvalid", nodes: chain(start(), vars("a", { x: template("Hi {{nodes.start.}}") })), reasons: ["expressionInvalid"] },
    { name: "expressionReferenceInvalid", nodes: chain(start(), vars("a", { x: js("nodes.b.y") }), vars("b", { y: 1 })), reasons: ["expressionReferenceInvalid"] },
  ];
}
