import {
  AuthenticateResponseBody,
  AutocompleteResponseBody,
  CompleteOauthResponseBody,
  CountExtractorResponseBody,
  DynamicSchemaResponseBody,
  ExecuteActionResponseBody,
  FetchExtractorResponseBody,
  ListUsersResponseBody,
  type IntegrationUser,
  type ManifestLayout,
  type RateLimit,
} from "@/lib/contract";
import { joinUrl } from "./fetch-manifest";
import { AUTOCOMPLETE_TIMEOUT_MS, callIntegration, DEFAULT_TIMEOUT_MS } from "./http";
import * as requests from "./layouts";
import type { ConnectorRef, IntegrationRequest } from "./layouts";
import type { OutboundFetch } from "./outbound";
import { parseAnswer, type AnswerSchema } from "./parse-answer";
import { processRateLimiter, type RateLimiter } from "./rate-limiter";

export interface IntegrationClientOptions {
  baseUrl: string;
  /** The layout the manifest was detected as; picks paths, never body fields (both are always sent). */
  layout: ManifestLayout;
  /** `manifest.connector.rateLimit`; null or absent: no limit. */
  rateLimit?: RateLimit | null;
  /** Shared by every client of the process by default, so one connector has one bucket. */
  limiter?: RateLimiter;
  /** The outbound guard every call goes through (the composition root's, with its allowlist). */
  outbound?: OutboundFetch;
  /** Caps every call's timeout (default 30 s, autocomplete 10 s); set lower by deployments and tests. */
  maxTimeoutMs?: number;
}

/** Cancels a call, the wait for a rate-limit token included. */
export interface CallControl {
  signal?: AbortSignal;
}

/** Calls to one integration server; every answer is checked against the contract schema. */
export interface IntegrationClient {
  authenticate(connector: ConnectorRef, options?: CallControl): Promise<AuthenticateResponseBody>;
  /** Optional endpoint: `notSupported` when the server has none. */
  listUsers(connector: ConnectorRef, options?: CallControl): Promise<IntegrationUser[]>;
  /** Sends `Idempotency-Key` when given. */
  executeAction(
    connector: ConnectorRef,
    actionSlug: string,
    config: Record<string, unknown>,
    options?: CallControl & { idempotencyKey?: string; isDryExecution?: boolean },
  ): Promise<ExecuteActionResponseBody>;
  fetchExtractor(
    connector: ConnectorRef,
    extractorSlug: string,
    config: Record<string, unknown>,
    options?: CallControl & { meta?: unknown; modelUuid?: string; isDryFetch?: boolean },
  ): Promise<FetchExtractorResponseBody>;
  /** Optional endpoint. */
  countExtractor(
    connector: ConnectorRef,
    extractorSlug: string,
    config: Record<string, unknown>,
    options?: CallControl,
  ): Promise<CountExtractorResponseBody>;
  /** Times out after 10 s: a dropdown is waiting. */
  autocomplete(
    connector: ConnectorRef,
    slug: string,
    params: Record<string, unknown>,
    value?: unknown,
    options?: CallControl,
  ): Promise<AutocompleteResponseBody>;
  /** Optional endpoint. */
  dynamicSchema(connector: ConnectorRef, slug: string, params: Record<string, unknown>, options?: CallControl): Promise<DynamicSchemaResponseBody>;
  /** Optional endpoint; not rate limited, as it belongs to no connector yet. */
  completeOauth(code: string, redirectUri: string, options?: CallControl): Promise<CompleteOauthResponseBody>;
}

interface Call {
  connector?: ConnectorRef;
  signal?: AbortSignal;
  timeoutMs?: number;
  capability?: string;
  headers?: Record<string, string>;
}

/**
 * Creates a client for one integration server in either layout: paths follow the layout, bodies
 * carry both layouts' fields, each attempt waits for the connector's rate limit, HTTP 429 is
 * retried after `Retry-After`, and every failure is an `IntegrationError`.
 * @example
 * const client = createIntegrationClient({ baseUrl, layout: integration.layout, rateLimit: integration.connector.rateLimit, limiter });
 * const answer = await client.executeAction(connector, "createRecord", config, { idempotencyKey });
 */
export function createIntegrationClient({
  baseUrl,
  layout,
  rateLimit,
  limiter = processRateLimiter(),
  outbound,
  maxTimeoutMs = Infinity,
}: IntegrationClientOptions): IntegrationClient {
  async function call<T>(schema: AnswerSchema<T>, request: IntegrationRequest, { connector, signal, ...options }: Call): Promise<T> {
    const raw = await callIntegration(
      joinUrl(baseUrl, request.path),
      { method: "POST", body: request.body, headers: options.headers },
      {
        timeoutMs: Math.min(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxTimeoutMs),
        capability: options.capability,
        signal,
        outbound,
        beforeAttempt: connector && (() => limiter.acquire(connector.uuid, rateLimit, signal)),
      },
    );
    return parseAnswer(schema, raw, `The integration server's answer to POST ${request.path}`);
  }

  return {
    authenticate: (connector, { signal } = {}) =>
      call(AuthenticateResponseBody, requests.authenticateRequest(connector), { connector, signal }),

    listUsers: (connector, { signal } = {}) =>
      call(ListUsersResponseBody, requests.listUsersRequest(connector), { connector, signal, capability: "listing users" }),

    executeAction: (connector, actionSlug, config, { signal, idempotencyKey, isDryExecution } = {}) =>
      call(ExecuteActionResponseBody, requests.executeActionRequest(connector, actionSlug, config, isDryExecution), {
        connector,
        signal,
        headers: idempotencyKey ? { "idempotency-key": idempotencyKey } : undefined,
      }),

    fetchExtractor: (connector, extractorSlug, config, { signal, ...options } = {}) =>
      call(FetchExtractorResponseBody, requests.fetchExtractorRequest(layout, connector, extractorSlug, config, options), {
        connector,
        signal,
      }),

    countExtractor: (connector, extractorSlug, config, { signal } = {}) =>
      call(CountExtractorResponseBody, requests.countExtractorRequest(layout, connector, extractorSlug, config), {
        connector,
        signal,
        capability: "counting records",
      }),

    autocomplete: (connector, slug, params, value, { signal } = {}) =>
      call(AutocompleteResponseBody, requests.autocompleteRequest(layout, connector, slug, params, value), {
        connector,
        signal,
        timeoutMs: AUTOCOMPLETE_TIMEOUT_MS,
      }),

    dynamicSchema: (connector, slug, params, { signal } = {}) =>
      call(DynamicSchemaResponseBody, requests.dynamicSchemaRequest(layout, connector, slug, params), {
        connector,
        signal,
        capability: `the dynamic schema "${slug}"`,
      }),

    completeOauth: (code, redirectUri, { signal } = {}) =>
      call(CompleteOauthResponseBody, requests.completeOauthRequest(code, redirectUri), { signal, capability: "OAuth" }),
  };
}
