import { ListIntegrationCallsQuery, ListIntegrationCallsResponseBody, UuidParams } from "@/lib/contract";
import { defineRoute } from "../../define-route";
import { listConnectorCalls, listCustomIntegrationCalls } from "../../integration-calls/list-calls";
import { route } from "../api-route";

/*
 * The request inspector: the last 200 calls to each integration server, redacted. Admins only:
 * the bodies hold the workspace's customer data (records, action inputs and answers) that a
 * member running a workflow never needs to browse, and reading them is a developer's job, as
 * managing the servers and the connectors' credentials is.
 */
export const integrationCallRoutes = [
  /** GET /api/v1/connection/customIntegrations/:uuid/calls: the server's recent calls, newest first. */
  route(
    "GET",
    "/connection/customIntegrations/:uuid/calls",
    defineRoute(
      {
        summary: "The recent calls to a custom integration's server, secrets redacted",
        access: "admin",
        params: UuidParams,
        query: ListIntegrationCallsQuery,
        response: ListIntegrationCallsResponseBody,
      },
      ({ deps, ctx, params, query }) => listCustomIntegrationCalls(deps, ctx.workspaceUuid, params.uuid, query),
    ),
  ),
  /** GET /api/v1/connection/connectors/:uuid/calls: the recent calls made for a connector, newest first. */
  route(
    "GET",
    "/connection/connectors/:uuid/calls",
    defineRoute(
      {
        summary: "The recent calls made for a connector, secrets redacted",
        access: "admin",
        params: UuidParams,
        query: ListIntegrationCallsQuery,
        response: ListIntegrationCallsResponseBody,
      },
      ({ deps, ctx, params, query }) => listConnectorCalls(deps, ctx.workspaceUuid, params.uuid, query),
    ),
  ),
];
