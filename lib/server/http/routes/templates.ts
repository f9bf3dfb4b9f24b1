import { SlugParams, TemplateListResponseBody, TemplateResponseBody, UseTemplateRequestBody, WorkflowResponseBody } from "@/lib/contract";
import { defineRoute } from "../../define-route";
import { getTemplate, listTemplates, useTemplate } from "../../templates";
import { route } from "../api-route";

/** Templates: ready-made tool and play graphs with connector placeholders, and making a workflow of one. */
export const templateRoutes = [
  /** GET /api/v1/orchestration/templates/list: the gallery, without graphs. */
  route(
    "GET",
    "/orchestration/templates/list",
    defineRoute({ summary: "The template gallery, without graphs", response: TemplateListResponseBody }, async () => ({ templates: listTemplates() })),
  ),
  /** GET /api/v1/orchestration/templates/:slug: one template with its graph; 404 `templateNotFound`. */
  route(
    "GET",
    "/orchestration/templates/:slug",
    defineRoute(
      { summary: "One template with its graph", params: SlugParams, response: TemplateResponseBody },
      async ({ params }) => ({ template: getTemplate(params.slug) }),
    ),
  ),
  /** POST /api/v1/orchestration/templates/:slug/use `{name?, connectorUuidsByIntegrationSlug}`: a new workflow of it, validated. */
  route(
    "POST",
    "/orchestration/templates/:slug/use",
    // Not audited, as creating a workflow is not: a draft changes nothing that runs unattended.
    defineRoute(
      { summary: "Create a workflow from a template", params: SlugParams, body: UseTemplateRequestBody, response: WorkflowResponseBody },
      async ({ deps, ctx, params, body }) => ({
        workflow: await useTemplate(deps, ctx.workspaceUuid, params.slug, body),
      }),
    ),
  ),
];
