import { executeAction } from "./actions/execute";
import { authenticate } from "./auth";
import { runAutocomplete } from "./autocompletes";
import { buildDynamicSchema } from "./dynamic-schemas";
import { badRequest } from "./errors";
import { countExtractor, fetchExtractor } from "./extractors";
import { buildLegacyManifest } from "./legacy-manifest";
import { countLegacyModel, fetchLegacyModel } from "./legacy-model";
import { buildManifest } from "./manifest";
import type { ContractBody } from "./request-body";
import type { Route } from "./router";
import { resetDemoState, type DemoState } from "./state";
import { listUsers } from "./users";

/** What every route handler gets besides its path params. */
export interface RouteContext {
  state: DemoState;
  body: ContractBody;
  url: URL;
  headers: Headers;
  /** This integration's public base URL: origin plus any base path. */
  baseUrl: string;
}

/** Paths starting here are test hooks, left out of the call stats. */
export const TEST_HOOK_PREFIX = "/_demo/";

type Handler = Route<RouteContext>["handle"];

// Shared by both layouts: the same body fields, read by readContractBody from either shape.
const execute: Handler = ({ state, params, body, headers }) => executeAction(state, params.slug!, body, headers);
const completeOauth: Handler = ({ state, body }) => state.oauth.complete(body.code, body.redirectUri);
const authorizePage: Handler = ({ state, url }) => state.oauth.authorizePage(url);

/** Every route of both layouts and the test hooks. Handlers return JSON-able values or a Response. */
export const ROUTES: ReadonlyArray<Route<RouteContext>> = [
  { method: "GET", path: "/", handle: ({ baseUrl }) => index(baseUrl) },

  // The seed's layout.
  { method: "GET", path: "/manifest", handle: ({ state, baseUrl }) => buildManifest(baseUrl, state.rateLimit) },
  { method: "POST", path: "/authenticate", handle: ({ body }) => authenticate(body.connectorConfig) },
  { method: "POST", path: "/listUsers", handle: ({ state, body }) => listUsers(state, body) },
  { method: "POST", path: "/actions/:slug/execute", handle: execute },
  { method: "POST", path: "/extractors/:slug/fetch", handle: (c) => fetchExtractor(c.state, c.params.slug!, c.body) },
  { method: "POST", path: "/extractors/:slug/count", handle: (c) => countExtractor(c.state, c.params.slug!, c.body) },
  { method: "POST", path: "/autocompletes/:slug", handle: (c) => runAutocomplete(c.state, c.params.slug!, c.body) },
  { method: "POST", path: "/dynamicSchemas/:slug", handle: (c) => buildDynamicSchema(c.params.slug!, c.body) },
  { method: "POST", path: "/completeOauth", handle: completeOauth },
  { method: "GET", path: "/oauth/authorize", handle: authorizePage },

  // The older layout of getcargohq/dummy-integration: slugs travel in the body.
  { method: "GET", path: "/legacy/manifest", handle: ({ state, baseUrl }) => buildLegacyManifest(`${baseUrl}/legacy`, state.rateLimit) },
  { method: "POST", path: "/legacy/authenticate", handle: ({ body }) => authenticate(body.connectorConfig) },
  { method: "POST", path: "/legacy/listUsers", handle: ({ state, body }) => listUsers(state, body) },
  { method: "POST", path: "/legacy/actions/:slug/execute", handle: execute },
  { method: "POST", path: "/legacy/model/fetch", handle: ({ state, body }) => fetchLegacyModel(state, body) },
  { method: "POST", path: "/legacy/model/count", handle: ({ state, body }) => countLegacyModel(state, body) },
  { method: "POST", path: "/legacy/autocomplete", handle: (c) => runAutocomplete(c.state, bodySlug(c.body), c.body) },
  { method: "POST", path: "/legacy/getDynamicSchema", handle: ({ body }) => buildDynamicSchema(bodySlug(body), body) },
  { method: "POST", path: "/legacy/completeOauth", handle: completeOauth },
  { method: "GET", path: "/legacy/oauth/authorize", handle: authorizePage },

  // Test hooks: not part of the contract.
  { method: "GET", path: "/_demo/stats", handle: ({ state }) => stats(state) },
  { method: "POST", path: "/_demo/reset", handle: ({ state }) => reset(state) },
];

function index(baseUrl: string) {
  return { name: "Demo CRM", manifest: `${baseUrl}/manifest`, legacyManifest: `${baseUrl}/legacy/manifest` };
}

function stats(state: DemoState) {
  const rateLimit = state.rateWindow?.snapshot();
  return { calls: state.stats.snapshot(), idempotencyKeys: state.idempotency.executions(), ...(rateLimit && { rateLimit }) };
}

function reset(state: DemoState) {
  resetDemoState(state);
  return { reset: true };
}

function bodySlug(body: ContractBody): string {
  if (typeof body.slug !== "string" || !body.slug) throw badRequest("slug is required");
  return body.slug;
}
