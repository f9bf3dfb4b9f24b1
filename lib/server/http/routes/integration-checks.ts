import { IntegrationCheckRequestBody, IntegrationCheckResponseBody } from "@/lib/contract";
import { defineRoute } from "../../define-route";
import { checkIntegrationServer } from "../../integration-checks";
import { route } from "../api-route";

/**
 * The contract checker: lints an integration server's manifest and, with a connector, calls its
 * endpoints. Admins only: it sends a connector's credentials and may execute an action.
 */
export const integrationCheckRoutes = [
  /** POST /api/v1/connection/customIntegrations/check: check a server against the contract. */
  route(
    "POST",
    "/connection/customIntegrations/check",
    defineRoute(
      {
        summary: "Check an integration server's manifest and endpoints against the contract",
        access: "admin",
        body: IntegrationCheckRequestBody,
        response: IntegrationCheckResponseBody,
      },
      ({ deps, ctx, body }) => checkIntegrationServer(deps, ctx.workspaceUuid, body),
    ),
  ),
];
