import {
  CreateCustomIntegrationRequestBody,
  CustomIntegrationListResponseBody,
  CustomIntegrationPreviewResponseBody,
  CustomIntegrationResponseBody,
  EmptyResponseBody,
  PreviewCustomIntegrationRequestBody,
  UpdateCustomIntegrationRequestBody,
  UuidParams,
} from "@/lib/contract";
import { audited, slugged } from "../../audit";
import {
  getCustomIntegration,
  previewCustomIntegration,
  refreshCustomIntegration,
  registerCustomIntegration,
  removeCustomIntegration,
  updateCustomIntegrationUrl,
} from "../../custom-integrations";
import { defineRoute } from "../../define-route";
import { route } from "../api-route";

/** Integration servers registered by URL. */
export const customIntegrationRoutes = [
  /** POST /api/v1/connection/customIntegrations: register a server after validating its manifest. */
  route(
    "POST",
    "/connection/customIntegrations",
    defineRoute(
      {
        summary: "Register an integration server by URL, after validating its manifest",
        access: "admin",
        body: CreateCustomIntegrationRequestBody,
        response: CustomIntegrationResponseBody,
      },
      async ({ deps, ctx, body }) => ({
        customIntegration: await audited(
          deps,
          ctx,
          "customIntegration.registered",
          registerCustomIntegration(deps, ctx.workspaceUuid, body.baseUrl),
          slugged({ baseUrl: body.baseUrl }),
        ),
      }),
    ),
  ),
  /** POST /api/v1/connection/customIntegrations/preview: validate a server's manifest, save nothing. */
  route(
    "POST",
    "/connection/customIntegrations/preview",
    defineRoute(
      {
        summary: "Validate an integration server's manifest without saving anything",
        access: "admin",
        body: PreviewCustomIntegrationRequestBody,
        response: CustomIntegrationPreviewResponseBody,
      },
      ({ deps, body }) => previewCustomIntegration(deps, body.baseUrl),
    ),
  ),
  route(
    "GET",
    "/connection/customIntegrations/list",
    defineRoute(
      { summary: "The registered integration servers", response: CustomIntegrationListResponseBody },
      async ({ deps, ctx }) => ({ customIntegrations: await deps.db.customIntegrations.list(ctx.workspaceUuid) }),
    ),
  ),
  /** GET /api/v1/connection/customIntegrations/:uuid (Cargo's docs answer under `connector`; both keys are sent). */
  route(
    "GET",
    "/connection/customIntegrations/:uuid",
    defineRoute(
      { summary: "One registered integration server", params: UuidParams, response: CustomIntegrationResponseBody },
      async ({ deps, ctx, params }) => {
        const customIntegration = await getCustomIntegration(deps, ctx.workspaceUuid, params.uuid);
        return { customIntegration, connector: customIntegration };
      },
    ),
  ),
  /** PUT /api/v1/connection/customIntegrations/:uuid: change the base URL (the new server is validated first). */
  route(
    "PUT",
    "/connection/customIntegrations/:uuid",
    defineRoute(
      {
        summary: "Move an integration to a new base URL (validated first)",
        access: "admin",
        params: UuidParams,
        body: UpdateCustomIntegrationRequestBody,
        response: CustomIntegrationResponseBody,
      },
      async ({ deps, ctx, params, body }) => ({
        customIntegration: await audited(
          deps,
          ctx,
          "customIntegration.moved",
          updateCustomIntegrationUrl(deps, ctx.workspaceUuid, params.uuid, body.baseUrl),
          slugged({ baseUrl: body.baseUrl }),
        ),
      }),
    ),
  ),
  /** DELETE /api/v1/connection/customIntegrations/:uuid: also removes the connectors that used it. */
  route(
    "DELETE",
    "/connection/customIntegrations/:uuid",
    defineRoute(
      { summary: "Remove an integration server and the connectors that use it", access: "admin", params: UuidParams, response: EmptyResponseBody },
      async ({ deps, ctx, params }) => {
        await audited(deps, ctx, "customIntegration.removed", removeCustomIntegration(deps, ctx.workspaceUuid, params.uuid), { target: params.uuid });
        return {};
      },
    ),
  ),
  /** POST /api/v1/connection/customIntegrations/:uuid/refresh: re-fetch the manifest now. */
  route(
    "POST",
    "/connection/customIntegrations/:uuid/refresh",
    defineRoute(
      { summary: "Re-fetch an integration server's manifest now", access: "admin", params: UuidParams, response: CustomIntegrationResponseBody },
      async ({ deps, ctx, params }) => ({
        customIntegration: await refreshCustomIntegration(deps, ctx.workspaceUuid, params.uuid),
      }),
    ),
  ),
];
