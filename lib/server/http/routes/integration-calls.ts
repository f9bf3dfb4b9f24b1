import { IntegrationCallParams, IntegrationCallResponseBody, ListIntegrationCallsQuery, ListIntegrationCallsResponseBody, UuidParams } from "@/lib/contract";
import { defineRoute } from "../../define-route";
import { getIntegrationCall, listIntegrationCalls } from "../../integration-calls/list-calls";
import { route } from "../api-route";

/*
 * The request inspector: the last 200 calls to each integration server, redacted. Admins only:
 * the bodies hold the workspace's customer data (records, action inputs and answers) that a
 * member running a workflow never needs to browse, and reading them is a developer's job, as
 * managing the servers and the connectors' credentials is. The lists leave the headers and
 * bodies out (200 calls × two 64 KB bodies per refresh); one call comes whole from its own route.
 */
export const integrationCallRoutes = [
  /** GET /api/v1/connection/customIntegrations/:uuid/calls: the server's recent calls, newest first. */
  route(
    "GET",
    "/connection/customIntegrations/:uuid/calls",
    defineRoute(
      {
        summary: "The recent calls to a custom integration's server, without their bodies",
        access: "admin",
        params: UuidParams,
        query: ListIntegrationCallsQuery,
        response: ListIntegrationCallsResponseBody,
      },
      ({ deps, ctx, params, query }) => listIntegrationCalls(deps, ctx.workspaceUuid, { kind: "customIntegration", uuid: params.uuid }, query),
    ),
  ),
  /** GET /api/v1/connection/customIntegrations/:uuid/calls/:callId: one call to the server in full, secrets redacted. */
  route(
    "GET",
    "/connection/customIntegrations/:uuid/calls/:callId",
    defineRoute(
      { summary: "One call to a custom integration's server in full, secrets redacted", access: "admin", params: IntegrationCallParams, response: IntegrationCallResponseBody },
      ({ deps, ctx, params }) => getIntegrationCall(deps, ctx.workspaceUuid, { kind: "customIntegration", uuid: params.uuid }, params.callId),
    ),
  ),
  /** GET /api/v1/connection/connectors/:uuid/calls: the recent calls made for a connector, newest first. */
  route(
    "GET",
    "/connection/connectors/:uuid/calls",
    defineRoute(
      {
        summary: "The recent calls made for a connector, without their bodies",
        access: "admin",
        params: UuidParams,
        query: ListIntegrationCallsQuery,
        response: ListIntegrationCallsResponseBody,
      },
      ({ deps, ctx, params, query }) => listIntegrationCalls(deps, ctx.workspaceUuid, { kind: "connector", uuid: params.uuid }, query),
    ),
  ),
  /** GET /api/v1/connection/connectors/:uuid/calls/:callId: one call made for a connector in full, secrets redacted. */
  route(
    "GET",
    "/connection/connectors/:uuid/calls/:callId",
    defineRoute(
      { summary: "One call made for a connector in full, secrets redacted", access: "admin", params: IntegrationCallParams, response: IntegrationCallResponseBody },
      ({ deps, ctx, params }) => getIntegrationCall(deps, ctx.workspaceUuid, { kind: "connector", uuid: params.uuid }, params.callId),
    ),
  ),
];
