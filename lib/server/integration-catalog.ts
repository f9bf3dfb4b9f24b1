import type { Integration, IntegrationListQuery, IntegrationSummary } from "@/lib/contract";
import type { Deps } from "./deps-types";

/** The catalog with Cargo's filters: category, search, slugs, hasActions, hasExtractors. */
export async function listIntegrations(
  { integrations }: Pick<Deps, "integrations">,
  workspaceUuid: string,
  query: IntegrationListQuery = {},
): Promise<IntegrationSummary[]> {
  const slugs = [query.slugs, query.slug].filter(Boolean).join(",").split(",").map((s) => s.trim()).filter(Boolean);
  const terms = query.search?.toLowerCase().split(/\s+/).filter(Boolean) ?? [];
  return (await integrations.list(workspaceUuid))
    .map(({ integration, custom, error }) => toSummary(integration, custom?.baseUrl ?? null, error))
    .filter((summary) => !query.category || summary.category === query.category)
    .filter((summary) => slugs.length === 0 || slugs.includes(summary.slug))
    .filter((summary) => !query.hasActions || summary.hasActions === (query.hasActions === "true"))
    .filter((summary) => !query.hasExtractors || summary.hasExtractors === (query.hasExtractors === "true"))
    .filter((summary) => {
      const text = `${summary.name} ${summary.slug} ${summary.description}`.toLowerCase();
      return terms.every((term) => text.includes(term));
    });
}

function toSummary(integration: Integration, baseUrl: string | null, error: string | null): IntegrationSummary {
  return {
    slug: integration.slug,
    name: integration.name,
    description: integration.description,
    icon: integration.icon,
    color: integration.color,
    kind: integration.kind,
    category: integration.category,
    layout: integration.layout,
    baseUrl,
    status: error ? "unavailable" : "ok",
    errorMessage: error,
    hasActions: Object.keys(integration.actions).length > 0,
    hasExtractors: Object.keys(integration.extractors).length > 0,
    actions: Object.entries(integration.actions).map(([slug, action]) => ({ slug, name: action.name, description: action.description })),
  };
}

/** Plain-text documentation of an integration, generated from its manifest. */
export function integrationDocumentation(integration: Integration): string {
  const line = ([slug, item]: [string, Record<string, unknown>]) => {
    const name = typeof item.name === "string" ? item.name : slug;
    return `- ${name} (\`${slug}\`)${typeof item.description === "string" ? `: ${item.description}` : ""}`;
  };
  const section = (title: string, entries: Array<[string, Record<string, unknown>]>) =>
    entries.length === 0 ? [] : [`## ${title}`, "", ...entries.map(line), ""];
  const rateLimit = integration.connector.rateLimit;
  return [
    `# ${integration.name}`,
    "",
    integration.description,
    "",
    ...(rateLimit ? [`Rate limit: ${rateLimit.max} calls per ${rateLimit.unit} per connector.`, ""] : []),
    ...section("Actions", Object.entries(integration.actions)),
    ...section("Extractors", Object.entries(integration.extractors)),
    ...section("Autocompletes", Object.entries(integration.autocompletes)),
    ...section("Dynamic schemas", Object.entries(integration.dynamicSchemas)),
  ].join("\n");
}
