import type { ManifestLayout } from "@/lib/contract";
import { LEGACY_MODEL_SLUG_FIELD } from "./legacy-model-extractors";

/** The connector a call is made for, credentials decrypted. */
export interface ConnectorRef {
  uuid: string;
  workspaceUuid: string;
  config: Record<string, unknown>;
  /**
   * Its secret fields: those sealed with it plus the manifest's (lib/server's `openConnector`).
   * Never sent; the request inspector redacts their values. Absent: the manifest's are used.
   */
  secretPaths?: readonly (readonly string[])[];
}

/** Where a call goes (relative to the base URL) and what it sends. */
export interface IntegrationRequest {
  path: string;
  body: Record<string, unknown>;
}

// Every body carries both layouts' field sets (docs/architecture.md, decision 1): the documented
// (`seed`) layout's `connectorConfig`, `actionConfig`, … and the legacy `connector`, `config`,
// `slug`, …, so a server of either layout finds what it reads whichever layout its manifest was
// detected as.

const segment = encodeURIComponent;

function connectorFields({ uuid, workspaceUuid, config }: ConnectorRef) {
  return { connectorConfig: config, connector: { uuid, workspaceUuid, config } };
}

function defined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** `POST /authenticate`, the same in both layouts. */
export function authenticateRequest(connector: ConnectorRef): IntegrationRequest {
  return { path: "/authenticate", body: connectorFields(connector) };
}

/** `POST /listUsers`, the same in both layouts. */
export function listUsersRequest(connector: ConnectorRef): IntegrationRequest {
  return { path: "/listUsers", body: connectorFields(connector) };
}

/** `POST /actions/:slug/execute`, the same path in both layouts. */
export function executeActionRequest(
  connector: ConnectorRef,
  actionSlug: string,
  config: Record<string, unknown>,
  isDryExecution?: boolean,
): IntegrationRequest {
  return {
    path: `/actions/${segment(actionSlug)}/execute`,
    body: defined({ ...connectorFields(connector), actionConfig: config, config, isDryExecution }),
  };
}

/**
 * Where an extractor lives and which config it is sent. Seed: `/extractors/:slug`, the config as
 * it is, and `slug` = the extractor slug (the legacy field, as a path alias). Legacy: the one
 * `/model`, the config without its `slug` field, which goes to the body's `slug` (the object type
 * the user picked), and the extractor slug (`model`, `model_1`…) in `extractorSlug`.
 */
function extractorTarget(layout: ManifestLayout, extractorSlug: string, config: Record<string, unknown>) {
  if (layout === "seed") return { path: `/extractors/${segment(extractorSlug)}`, config, fields: { slug: extractorSlug } };
  const { [LEGACY_MODEL_SLUG_FIELD]: slug, ...rest } = config;
  return { path: "/model", config: rest, fields: { slug, extractorSlug } };
}

/** `POST /extractors/:slug/fetch` or `/model/fetch`. `uuid` is sent only when a model uuid is given. */
export function fetchExtractorRequest(
  layout: ManifestLayout,
  connector: ConnectorRef,
  extractorSlug: string,
  config: Record<string, unknown>,
  options: { meta?: unknown; modelUuid?: string; isDryFetch?: boolean } = {},
): IntegrationRequest {
  const target = extractorTarget(layout, extractorSlug, config);
  return {
    path: `${target.path}/fetch`,
    body: defined({
      ...connectorFields(connector),
      extractorConfig: target.config,
      config: target.config,
      ...target.fields,
      uuid: options.modelUuid,
      meta: options.meta,
      isDryFetch: options.isDryFetch,
    }),
  };
}

/** `POST /extractors/:slug/count` or `/model/count`. */
export function countExtractorRequest(
  layout: ManifestLayout,
  connector: ConnectorRef,
  extractorSlug: string,
  config: Record<string, unknown>,
): IntegrationRequest {
  const target = extractorTarget(layout, extractorSlug, config);
  return {
    path: `${target.path}/count`,
    body: defined({ ...connectorFields(connector), extractorConfig: target.config, config: target.config, ...target.fields }),
  };
}

/** `POST /autocompletes/:slug` or `/autocomplete` with the slug in the body. */
export function autocompleteRequest(
  layout: ManifestLayout,
  connector: ConnectorRef,
  slug: string,
  params: Record<string, unknown>,
  value?: unknown,
): IntegrationRequest {
  return {
    path: layout === "seed" ? `/autocompletes/${segment(slug)}` : "/autocomplete",
    body: defined({ ...connectorFields(connector), slug, params, value }),
  };
}

/** `POST /dynamicSchemas/:slug` or `/getDynamicSchema` with the slug in the body. */
export function dynamicSchemaRequest(
  layout: ManifestLayout,
  connector: ConnectorRef,
  slug: string,
  params: Record<string, unknown>,
): IntegrationRequest {
  return {
    path: layout === "seed" ? `/dynamicSchemas/${segment(slug)}` : "/getDynamicSchema",
    body: { ...connectorFields(connector), slug, params },
  };
}

/** `POST /completeOauth`: the documented layout sends the code at the top, the legacy layout inside `params`. */
export function completeOauthRequest(code: string, redirectUri: string): IntegrationRequest {
  return { path: "/completeOauth", body: { code, redirectUri, params: { code, redirectUri } } };
}
