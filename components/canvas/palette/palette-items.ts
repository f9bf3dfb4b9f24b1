import type { Connector, Integration, WorkflowNode } from "@/lib/contract";
import { NATIVE_INTEGRATION_SLUG, newConnectorNode, newNativeNode } from "@/lib/workflow";
import { freshSlug } from "../editor-store";

/** One thing the palette can add: a built-in action, or an integration action run through one connector. */
export interface PaletteItem {
  key: string;
  name: string;
  description: string;
  kind: "native" | "connector";
  integrationSlug: string;
  actionSlug: string;
  connectorUuid: string | null;
  /** The action's named children (they decide the new node's child slots). */
  children: { text: string }[];
}

export interface PaletteGroup {
  key: string;
  title: string;
  /** The integration's name under a connector's name. */
  subtitle: string | null;
  integrationSlug: string;
  items: PaletteItem[];
}

/** Built-ins in the order the palette lists them; `start` is left out (one per graph), `group` is not offered. */
const BUILT_IN_ORDER = ["end", "variables", "filter", "branch", "switch", "split", "delay", "httpRequest"];
const NOT_OFFERED = new Set(["start", "group"]);

/**
 * The palette's groups: "Built-in" first, then one group per connector (by name) with its
 * integration's actions. A connector whose integration is not loaded or has no actions is left out.
 */
export function buildPaletteGroups({
  native,
  connectors,
  integrations,
}: {
  native: Integration | undefined;
  connectors: readonly Connector[];
  integrations: ReadonlyMap<string, Integration>;
}): PaletteGroup[] {
  const groups: PaletteGroup[] = [];
  if (native) {
    const slugs = Object.keys(native.actions).filter((slug) => !NOT_OFFERED.has(slug));
    const rank = (slug: string) => (BUILT_IN_ORDER.includes(slug) ? BUILT_IN_ORDER.indexOf(slug) : BUILT_IN_ORDER.length);
    slugs.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    groups.push({
      key: NATIVE_INTEGRATION_SLUG,
      title: "Built-in",
      subtitle: null,
      integrationSlug: NATIVE_INTEGRATION_SLUG,
      items: slugs.map((slug) => item(native, slug, null)),
    });
  }
  for (const connector of [...connectors].sort((a, b) => a.name.localeCompare(b.name))) {
    const integration = integrations.get(connector.integrationSlug);
    if (!integration || Object.keys(integration.actions).length === 0) continue;
    groups.push({
      key: connector.uuid,
      title: connector.name,
      subtitle: integration.name,
      integrationSlug: integration.slug,
      items: Object.keys(integration.actions).map((slug) => item(integration, slug, connector.uuid)),
    });
  }
  return groups;
}

function item(integration: Integration, actionSlug: string, connectorUuid: string | null): PaletteItem {
  const action = integration.actions[actionSlug]!;
  return {
    key: connectorUuid ? `${connectorUuid}:${actionSlug}` : `${NATIVE_INTEGRATION_SLUG}:${actionSlug}`,
    name: action.name,
    description: action.description,
    kind: connectorUuid ? "connector" : "native",
    integrationSlug: integration.slug,
    actionSlug,
    connectorUuid,
    children: (action.children ?? []).map(({ text }) => ({ text })),
  };
}

/** The groups with only the items matching every word of `query` (in the name, description, slug or group); empty groups dropped. */
export function filterPalette(groups: readonly PaletteGroup[], query: string): PaletteGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...groups];
  return groups
    .map((group) => ({
      ...group,
      items: group.items.filter((entry) => {
        const text = [entry.name, entry.description, entry.actionSlug, group.title, group.subtitle ?? ""].join(" ").toLowerCase();
        return words.every((word) => text.includes(word));
      }),
    }))
    .filter((group) => group.items.length > 0);
}

/** A slug for a new node of `actionSlug` that no node in the graph has: `branch`, then `branch_2`… */
export function newNodeSlug(actionSlug: string, nodes: readonly Pick<WorkflowNode, "slug">[]): string {
  const base = actionSlug.replace(/[^a-zA-Z0-9_]+/g, "_").replace(/^_+|_+$/g, "") || "node";
  return freshSlug(base, new Set(nodes.map((node) => node.slug)));
}

/** The node a palette item adds, with a fresh slug, its default config and one empty slot per child. */
export function nodeFromPaletteItem(entry: PaletteItem, { uuid, slug, position }: { uuid: string; slug: string; position: { x: number; y: number } }): WorkflowNode {
  if (entry.kind === "native") return newNativeNode({ uuid, slug, actionSlug: entry.actionSlug, position });
  const catalog = {
    integrations: { [entry.integrationSlug]: { name: entry.integrationSlug, actions: { [entry.actionSlug]: { name: entry.name, jsonSchema: {}, children: entry.children } } } },
  };
  return newConnectorNode(
    { uuid, slug, actionSlug: entry.actionSlug, integrationSlug: entry.integrationSlug, connectorUuid: entry.connectorUuid, position },
    catalog,
  );
}
