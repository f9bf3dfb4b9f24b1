import { isRecord } from "@/lib/contract/is-record";
import type { Integration } from "@/lib/contract";

/** What validation knows about one action: its config schema, named children and output. */
export interface CatalogAction {
  name: string;
  jsonSchema: Record<string, unknown>;
  children?: { text: string }[];
  /** JSON Schema of the action's output, when the integration declares one. */
  outputSchema?: Record<string, unknown>;
}

/**
 * Everything validation needs to know about a workspace, as plain data, so the browser and the
 * server (which build it from the same API data) give the same answer.
 */
export interface ValidationCatalog {
  /** By integration slug; "native" for the built-in actions. */
  integrations: Record<string, { name: string; actions: Record<string, CatalogAction> }>;
  connectors: Array<{ uuid: string; integrationSlug: string }>;
  /** Outputs seen in a previous run, by node slug (from a run's runContext); optional. */
  sampleOutputs?: Record<string, unknown>;
}

/**
 * Builds the catalog from the normalized integrations of `@/lib/contract` and the workspace's
 * connectors. Schemas are kept by reference so compiled validators are reused across calls.
 * @example catalogFromIntegrations([nativeIntegration, demo], [{ uuid: c.uuid, integrationSlug: "demo_crm" }])
 */
export function catalogFromIntegrations(
  integrations: Integration[],
  connectors: Array<{ uuid: string; integrationSlug: string }>,
): ValidationCatalog {
  return {
    integrations: Object.fromEntries(
      integrations.map((integration) => [
        integration.slug,
        {
          name: integration.name,
          actions: Object.fromEntries(Object.entries(integration.actions).map(([slug, action]) => [slug, toCatalogAction(action)])),
        },
      ]),
    ),
    connectors: connectors.map(({ uuid, integrationSlug }) => ({ uuid, integrationSlug })),
  };
}

function toCatalogAction(action: Integration["actions"][string]): CatalogAction {
  const outputSchema = action.outputSchema;
  return {
    name: action.name,
    jsonSchema: action.config.jsonSchema,
    ...(action.children && { children: action.children.map(({ text }) => ({ text })) }),
    ...(isRecord(outputSchema) && { outputSchema }),
  };
}
