import { CONNECTOR_PLACEHOLDER_PREFIX, type Template, type TemplateSummary, type UseTemplateRequestBody, type Workflow, type WorkflowNode } from "@/lib/contract";
import type { Deps } from "../deps-types";
import { AppError } from "../errors";
import { assertRunnable } from "../runs";
import { withFreshUuids } from "../workflows";
import { templateCatalog } from "./catalog";

const bySlug = new Map(templateCatalog.map((template) => [template.slug, template]));

/** The gallery: every template without its graph, in catalog order. */
export function listTemplates(): TemplateSummary[] {
  return templateCatalog.map(({ nodes, ...summary }) => ({ ...summary, nodesCount: nodes.length }));
}

/** One template with its graph, placeholders and all; 404 `templateNotFound`. */
export function getTemplate(slug: string): Template {
  const template = bySlug.get(slug);
  if (!template) throw new AppError("not_found:template", `No template with slug ${slug}`, { reason: "templateNotFound" });
  return template;
}

/**
 * Makes a workflow of a template: the connector chosen for each integration it needs (400
 * `connectorMissing` naming the one not given; 404 `connectorNotFound` for a connector not in this
 * workspace or of another integration) takes the place of that integration's placeholders, every
 * node gets a fresh uuid, and the graph must validate as a run would (422 `nodesNotValid`) before
 * the workflow is saved with the template's form. The template's graph is never changed.
 */
export async function useTemplate(
  deps: Pick<Deps, "db" | "integrations" | "runs">,
  workspaceUuid: string,
  slug: string,
  body: { name?: string; connectorUuidsByIntegrationSlug: NonNullable<UseTemplateRequestBody["connectorUuidsByIntegrationSlug"]> },
): Promise<Workflow> {
  const template = getTemplate(slug);
  const chosen = new Map<string, string>();
  for (const { integrationSlug, name } of template.integrations) {
    const uuid = body.connectorUuidsByIntegrationSlug[integrationSlug];
    if (!uuid) {
      throw new AppError("bad_request:template", `This template needs a connector of ${name} (connectorUuidsByIntegrationSlug.${integrationSlug}).`, {
        reason: "connectorMissing",
        details: { integrationSlug },
      });
    }
    const connector = await deps.db.connectors.get(workspaceUuid, uuid);
    if (connector?.integrationSlug !== integrationSlug) {
      throw new AppError("not_found:connector", `No ${name} connector with uuid ${uuid}`, { reason: "connectorNotFound", details: { integrationSlug } });
    }
    chosen.set(integrationSlug, uuid);
  }
  const nodes = withFreshUuids(template.nodes.map((node) => withConnector(node, chosen)));
  await assertRunnable(deps, workspaceUuid, nodes);
  return deps.db.workflows.create(workspaceUuid, { name: body.name ?? template.name, nodes, formFields: template.formFields });
}

/** The node with its placeholder replaced by the connector chosen for its integration. */
function withConnector(node: WorkflowNode, chosen: Map<string, string>): WorkflowNode {
  if (node.kind !== "connector" || !node.connectorUuid?.startsWith(`${CONNECTOR_PLACEHOLDER_PREFIX}:`)) return node;
  return { ...node, connectorUuid: chosen.get(node.connectorUuid.slice(CONNECTOR_PLACEHOLDER_PREFIX.length + 1)) ?? null };
}
