import {
  ConnectorCompleteOauthRequestBody,
  ConnectorCompleteOauthResponseBody,
  ConnectorStartOauthRequestBody,
  ConnectorStartOauthResponseBody,
  IntegrationListQuery,
  IntegrationListResponseBody,
  IntegrationResponseBody,
  NativeIntegrationResponseBody,
  SlugParams,
} from "@/lib/contract";
import { completeOauth, startOauth } from "../../connector-calls";
import { defineRoute } from "../../define-route";
import { integrationDocumentation, listIntegrations } from "../../integration-catalog";
import { requestHosts } from "../../request-context";
import { route } from "../api-route";

/** The catalog: the built-in integration, the SDK ones and every custom one; OAuth round trips. */
export const integrationRoutes = [
  route(
    "GET",
    "/connection/integrations/list",
    defineRoute(
      { summary: "The catalog: built-in, SDK and custom integrations", query: IntegrationListQuery, response: IntegrationListResponseBody },
      async ({ deps, ctx, query }) => ({ integrations: await listIntegrations(deps, ctx.workspaceUuid, query) }),
    ),
  ),
  /** GET /api/v1/connection/integrations/:slug: the normalized view of one integration. */
  route(
    "GET",
    "/connection/integrations/:slug",
    defineRoute(
      { summary: "One integration, normalized from either manifest layout", params: SlugParams, response: IntegrationResponseBody },
      async ({ deps, ctx, params }) => ({
        integration: (await deps.integrations.get(ctx.workspaceUuid, params.slug)).integration,
      }),
    ),
  ),
  /** GET /api/v1/connection/integrations/:slug/documentation: plain text. */
  route(
    "GET",
    "/connection/integrations/:slug/documentation",
    defineRoute(
      { summary: "An integration's documentation as plain text", params: SlugParams, responseContentType: "text/plain" },
      async ({ deps, ctx, params }) => {
        const { integration } = await deps.integrations.get(ctx.workspaceUuid, params.slug);
        return new Response(integrationDocumentation(integration), { headers: { "content-type": "text/plain; charset=utf-8" } });
      },
    ),
  ),
  /** POST /api/v1/connection/integrations/:slug/startOauth: issue the single-use `state` for one sign-in. */
  route(
    "POST",
    "/connection/integrations/:slug/startOauth",
    defineRoute(
      {
        summary: "Start an OAuth sign-in: a single-use state",
        access: "admin",
        params: SlugParams,
        body: ConnectorStartOauthRequestBody,
        response: ConnectorStartOauthResponseBody,
      },
      ({ deps, ctx, params, body, request }) => startOauth(deps, ctx.workspaceUuid, params.slug, body, requestHosts(request)),
    ),
  ),
  /** POST /api/v1/connection/integrations/:slug/completeOauth: trade an OAuth code, store the value. */
  route(
    "POST",
    "/connection/integrations/:slug/completeOauth",
    defineRoute(
      {
        summary: "Finish an OAuth sign-in: trade the code and store the value",
        access: "admin",
        params: SlugParams,
        body: ConnectorCompleteOauthRequestBody,
        response: ConnectorCompleteOauthResponseBody,
      },
      ({ deps, ctx, params, body }) => completeOauth(deps, ctx.workspaceUuid, params.slug, body),
    ),
  ),
  /** GET /api/v1/connection/nativeIntegration: the built-in actions. */
  route(
    "GET",
    "/connection/nativeIntegration",
    defineRoute({ summary: "The built-in actions and extractors", response: NativeIntegrationResponseBody }, async ({ deps, ctx }) => {
      const { integration } = await deps.integrations.get(ctx.workspaceUuid, "native");
      return { nativeIntegration: { actions: integration.actions, extractors: integration.extractors } };
    }),
  ),
];
