import {
  ConnectorAuthenticateResponseBody,
  ConnectorAutocompleteRequestBody,
  ConnectorAutocompleteResponseBody,
  ConnectorDynamicSchemaRequestBody,
  ConnectorDynamicSchemaResponseBody,
  ConnectorExistsQuery,
  ConnectorExistsResponseBody,
  ConnectorListQuery,
  ConnectorListResponseBody,
  ConnectorListUsersResponseBody,
  ConnectorResponseBody,
  CreateConnectorRequestBody,
  EmptyResponseBody,
  ExecuteConnectorActionParams,
  ExecuteConnectorActionRequestBody,
  ExecuteConnectorActionResponseBody,
  TestConnectorConfigRequestBody,
  TestConnectorConfigResponseBody,
  UpdateConnectorRequestBody,
  UuidParams,
} from "@/lib/contract";
import { audited, slugged } from "../../audit";
import { connectorAutocomplete, connectorDynamicSchema, connectorListUsers } from "../../connector-calls";
import { createConnector, getConnector, listConnectors, removeConnector, testConnector, testConnectorConfig, updateConnector } from "../../connectors";
import { defineRoute } from "../../define-route";
import { executeConnectorAction } from "../../execute-action";
import { route } from "../api-route";

/** Connectors (an integration plus credentials) and the calls action forms and the playground make through them. */
export const connectorRoutes = [
  /** POST /api/v1/connection/connectors: authenticate first, then save encrypted. */
  route(
    "POST",
    "/connection/connectors",
    defineRoute(
      {
        summary: "Create a connector (its credentials are authenticated first)",
        access: "admin",
        body: CreateConnectorRequestBody,
        response: ConnectorResponseBody,
      },
      async ({ deps, ctx, body }) => ({
        connector: await audited(deps, ctx, "connector.created", createConnector(deps, ctx.workspaceUuid, body), slugged({ integrationSlug: body.integrationSlug })),
      }),
    ),
  ),
  /** POST /api/v1/connection/connectors/test: authenticate a config without saving it. */
  route(
    "POST",
    "/connection/connectors/test",
    defineRoute(
      {
        summary: "Test a connector config without saving it",
        access: "admin",
        body: TestConnectorConfigRequestBody,
        response: TestConnectorConfigResponseBody,
      },
      ({ deps, ctx, body }) => testConnectorConfig(deps, ctx.workspaceUuid, body.integrationSlug, body.config),
    ),
  ),
  route(
    "GET",
    "/connection/connectors/list",
    defineRoute(
      { summary: "The workspace's connectors, secrets masked", query: ConnectorListQuery, response: ConnectorListResponseBody },
      async ({ deps, ctx, query }) => ({ connectors: await listConnectors(deps, ctx.workspaceUuid, query) }),
    ),
  ),
  route(
    "GET",
    "/connection/connectors/existsBySlug",
    defineRoute(
      { summary: "Whether a connector slug is taken", query: ConnectorExistsQuery, response: ConnectorExistsResponseBody },
      async ({ deps, ctx, query }) => ({ exists: await deps.db.connectors.slugExists(ctx.workspaceUuid, query.slug) }),
    ),
  ),
  /** GET /api/v1/connection/connectors/:uuid (secrets masked) */
  route(
    "GET",
    "/connection/connectors/:uuid",
    defineRoute(
      { summary: "One connector, secrets masked", params: UuidParams, response: ConnectorResponseBody },
      async ({ deps, ctx, params }) => ({ connector: await getConnector(deps, ctx.workspaceUuid, params.uuid) }),
    ),
  ),
  /** PUT /api/v1/connection/connectors/:uuid: `{name?, config?}`; a masked secret keeps its value. */
  route(
    "PUT",
    "/connection/connectors/:uuid",
    defineRoute(
      {
        summary: "Change a connector's name or config (a masked secret is kept)",
        access: "admin",
        params: UuidParams,
        body: UpdateConnectorRequestBody,
        response: ConnectorResponseBody,
      },
      async ({ deps, ctx, params, body }) => ({
        connector: await audited(
          deps,
          ctx,
          "connector.updated",
          updateConnector(deps, ctx.workspaceUuid, params.uuid, body),
          slugged({ fields: Object.keys(body).sort() }),
        ),
      }),
    ),
  ),
  route(
    "DELETE",
    "/connection/connectors/:uuid",
    defineRoute({ summary: "Remove a connector", access: "admin", params: UuidParams, response: EmptyResponseBody }, async ({ deps, ctx, params }) => {
      await audited(deps, ctx, "connector.removed", removeConnector(deps, ctx.workspaceUuid, params.uuid), { target: params.uuid });
      return {};
    }),
  ),
  /** POST /api/v1/connection/connectors/:uuid/authenticate: re-test the saved credentials. */
  route(
    "POST",
    "/connection/connectors/:uuid/authenticate",
    defineRoute(
      { summary: "Re-test a connector's saved credentials", access: "admin", params: UuidParams, response: ConnectorAuthenticateResponseBody },
      ({ deps, ctx, params }) => testConnector(deps, ctx.workspaceUuid, params.uuid),
    ),
  ),
  /** POST /api/v1/connection/connectors/:uuid/autocomplete: `{slug, params, value?, refresh?}` → `{results}` */
  route(
    "POST",
    "/connection/connectors/:uuid/autocomplete",
    defineRoute(
      {
        summary: "Autocomplete a form field through a connector",
        params: UuidParams,
        body: ConnectorAutocompleteRequestBody,
        response: ConnectorAutocompleteResponseBody,
      },
      ({ deps, ctx, params, body }) => connectorAutocomplete(deps, ctx.workspaceUuid, params.uuid, body),
    ),
  ),
  /** POST /api/v1/connection/connectors/:uuid/dynamicSchema: `{slug, params}` → `{jsonSchema, uiSchema}` */
  route(
    "POST",
    "/connection/connectors/:uuid/dynamicSchema",
    defineRoute(
      {
        summary: "A dynamic sub-form's schema through a connector",
        params: UuidParams,
        body: ConnectorDynamicSchemaRequestBody,
        response: ConnectorDynamicSchemaResponseBody,
      },
      ({ deps, ctx, params, body }) => connectorDynamicSchema(deps, ctx.workspaceUuid, params.uuid, body),
    ),
  ),
  /** POST /api/v1/connection/connectors/:uuid/listUsers → `{users}` */
  route(
    "POST",
    "/connection/connectors/:uuid/listUsers",
    defineRoute(
      { summary: "The users a connector's integration lists", params: UuidParams, response: ConnectorListUsersResponseBody },
      ({ deps, ctx, params }) => connectorListUsers(deps, ctx.workspaceUuid, params.uuid),
    ),
  ),
  /** POST /api/v1/connection/connectors/:uuid/actions/:actionSlug/execute: run one action once, polling `executing`. */
  route(
    "POST",
    "/connection/connectors/:uuid/actions/:actionSlug/execute",
    defineRoute(
      {
        summary: "Run one action once through a connector (the playground)",
        params: ExecuteConnectorActionParams,
        body: ExecuteConnectorActionRequestBody,
        response: ExecuteConnectorActionResponseBody,
      },
      ({ deps, ctx, params, body, request }) =>
        executeConnectorAction(deps, ctx.workspaceUuid, params.uuid, params.actionSlug, body.config, { signal: request.signal }),
    ),
  ),
];
