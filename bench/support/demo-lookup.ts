import type { WorkflowNode } from "@/lib/contract";
import { DEFAULT_WORKSPACE_UUID } from "@/lib/db";
import { createConnector } from "@/lib/server/connectors";
import type { Deps } from "@/lib/server/deps";
import { graph, tmpl } from "@/lib/server/testing/nodes";

/**
 * The graph the engine benches run: start → the demo's lookupRecord (a zero-latency endpoint) on a
 * new connector → end, the contact id read from `nodes.start.id`. Answers the connector too.
 */
export async function demoLookupGraph(deps: Deps) {
  const integration = (await deps.db.customIntegrations.list(DEFAULT_WORKSPACE_UUID))[0]!;
  const connector = await createConnector(deps, DEFAULT_WORKSPACE_UUID, {
    integrationSlug: integration.slug,
    slug: "bench",
    name: "Bench",
    config: { apiKey: "demo-api-key", region: "eu" },
  });
  const nodes: WorkflowNode[] = graph(
    { slug: "start", children: ["lookup"] },
    {
      slug: "lookup",
      kind: "connector",
      integrationSlug: integration.slug,
      actionSlug: "lookupRecord",
      connectorUuid: connector.uuid,
      config: { objectType: "contacts", id: tmpl("{{nodes.start.id}}") },
      children: ["end", "end"],
    },
    { slug: "end", actionSlug: "end", config: { variables: [{ name: "found", type: "boolean", value: tmpl("{{nodes.lookup.found}}") }] } },
  );
  return { integration, connector, nodes };
}
