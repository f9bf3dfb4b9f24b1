import type { FindingList } from "./findings";
import type { GraphLevel } from "./graph-level";

/** Unknown built-in or integration actions, and connector nodes without a usable connector. */
export function checkActions(level: GraphLevel, findings: FindingList): void {
  const connectors = new Map(level.catalog.connectors.map((connector) => [connector.uuid, connector.integrationSlug]));
  level.nodes.forEach((node, index) => {
    const resolved = level.actions[index]!;
    if (!resolved.known) findings.add(index, node, resolved.reason, resolved.message);
    if (node.kind !== "connector") return;
    if (node.connectorUuid === null) {
      findings.add(index, node, "connectorNotFound", "No connector chosen; pick the connector this node runs with");
      return;
    }
    const integrationSlug = connectors.get(node.connectorUuid);
    if (integrationSlug === undefined) {
      findings.add(index, node, "connectorNotFound", `Connector "${node.connectorUuid}" does not exist in this workspace; pick another`);
    } else if (integrationSlug !== node.integrationSlug) {
      findings.add(
        index,
        node,
        "connectorNotFound",
        `Connector "${node.connectorUuid}" belongs to integration "${integrationSlug}", not "${node.integrationSlug}"; pick a ${node.integrationSlug} connector`,
      );
    }
  });
}
