import { ownEntry } from "@/lib/contract/own-entry";
import type { WorkflowNode } from "@/lib/contract";
import type { CatalogAction, ValidationCatalog } from "../catalog";
import { GROUP_CONFIG_SCHEMA, isKnownNativeAction, NATIVE_ACTION_SLUGS, NATIVE_INTEGRATION_SLUG } from "../native-kinds";

/** What the catalog says about a node's action: the action, or why it is unknown. */
export type ResolvedAction =
  | { known: true; action: CatalogAction | undefined }
  | { known: false; reason: "nativeInvalid" | "actionNotFound"; message: string };

const GROUP_ACTION: CatalogAction = { name: "Group", jsonSchema: GROUP_CONFIG_SCHEMA };

/** Looks a node's action up in the catalog (built-ins: the "native" integration, or the graph model's own list). */
export function resolveAction(node: WorkflowNode, catalog: ValidationCatalog): ResolvedAction {
  if (node.kind === "native") {
    const action = ownEntry(catalog.integrations[NATIVE_INTEGRATION_SLUG]?.actions, node.actionSlug);
    if (action) return { known: true, action };
    if (node.actionSlug === "group") return { known: true, action: GROUP_ACTION };
    if (isKnownNativeAction(node.actionSlug)) return { known: true, action: undefined };
    const builtIns = [...new Set([...NATIVE_ACTION_SLUGS, ...Object.keys(catalog.integrations[NATIVE_INTEGRATION_SLUG]?.actions ?? {})])];
    return { known: false, reason: "nativeInvalid", message: `"${node.actionSlug}" is not a built-in action; use one of ${builtIns.join(", ")}` };
  }
  const integration = ownEntry(catalog.integrations, node.integrationSlug);
  if (!integration) {
    return { known: false, reason: "actionNotFound", message: `Integration "${node.integrationSlug}" is not available in this workspace` };
  }
  const action = ownEntry(integration.actions, node.actionSlug);
  if (!action) {
    return { known: false, reason: "actionNotFound", message: `${integration.name} has no action "${node.actionSlug}"` };
  }
  return { known: true, action };
}
