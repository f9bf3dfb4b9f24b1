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
  type ScopedRateLimit,
} from "@/lib/contract";
import type { ObservedCall } from "./call-observer";
import { joinUrl } from "./fetch-manifest";
import { AUTOCOMPLETE_TIMEOUT_MS, callIntegration, DEFAULT_TIMEOUT_MS } from "./http";
import * as requests from "./layouts";
import type { ConnectorRef, IntegrationRequest } from "./layouts";
import type { OutboundFetch } from "./outbound";
import { parseAnswer, type AnswerSchema } from "./parse-answer";
import { processRateLimiter, type RateLimiter, type RateLimitSent } from "./rate-limiter";
import { matchingRateLimits } from "./scoped-rate-limits";
import { processSerialLocks, type SerialLocks } from "./serial-locks";

/** What a manifest's action or extractor adds to the connector's limit (`isSerialized`: actions only). */
export interface CallLimits {
  rateLimits?: readonly ScopedRateLimit[];
  isSerialized?: boolean;
}

export interface IntegrationClientOptions {
  baseUrl: string;
  /** The layout the manifest was detected as; picks paths, never body fields (both are always sent). */
  layout: ManifestLayout;
  /** `manifest.connector.rateLimit`; null or absent: no limit. */
  rateLimit?: RateLimit | null;
  /** Shared by every client of the process by default, so one connector has one bucket. */
  limiter?: RateLimiter;
  /** The manifest's actions by slug: their `rateLimits` and `isSerialized` apply to `executeAction`. */
  actions?: Readonly<Record<string, CallLimits>>;
  /** The manifest's extractors by slug: their `rateLimits` apply to `fetchExtractor` and `countExtractor`. */
  extractors?: Readonly<Record<string, CallLimits>>;
  /** Where `isSerialized` actions queue; shared by every client of the process by default. */
  serialLocks?: SerialLocks;
  /** The outbound guard every call goes through (the composition root's, with its allowlist). */
  outbound?: OutboundFetch;
  /** Caps every call's timeout (default 30 s, autocomplete 10 s); set lower by deployments and tests. */
  maxTimeoutMs?: number;
  /** Told of every attempt with the connector it was made for (none for `completeOauth`): the request inspector. */
  onCall?: (call: ObservedCall, context: { connector?: ConnectorRef }) => void;
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
  /** The action or extractor called, for its own limits. */
  scope?: { kind: "action" | "extractor"; slug: string; config: Record<string, unknown> };
  signal?: AbortSignal;
  timeoutMs?: number;
  capability?: string;
  headers?: Record<string, string>;
}

/**
 * Creates a client for one integration server in either layout: paths follow the layout, bodies
 * carry both layouts' fields, each attempt waits for the connector's rate limit and the called
 * action's or extractor's scoped ones, an `isSerialized` action runs one call at a time per
 * connector, HTTP 429 pauses the connector's bucket and is retried after `Retry-After`, and every
 * failure is an `IntegrationError`.
 * @example
 * const client = createIntegrationClient({ baseUrl, layout: integration.layout, rateLimit: integration.connector.rateLimit, actions: integration.actions, limiter });
 * const answer = await client.executeAction(connector, "createRecord", config, { idempotencyKey });
 */
export function createIntegrationClient({
  baseUrl,
  layout,
  rateLimit,
  limiter = processRateLimiter(),
  actions = {},
  extractors = {},
  serialLocks = processSerialLocks(),
  outbound,
  maxTimeoutMs = Infinity,
  onCall,
}: IntegrationClientOptions): IntegrationClient {
  /**
   * The buckets one attempt waits on: the scoped ones in manifest order, the connector's last, so
   * every caller takes them in the same order and no connector token is held while a narrower
   * bucket makes the call wait.
   */
  function bucketsOf(connector: ConnectorRef, scope: Call["scope"]): Array<{ key: string; limit: RateLimit | null | undefined }> {
    const own = scope && (scope.kind === "action" ? actions : extractors)[scope.slug];
    const scoped = matchingRateLimits(own?.rateLimits, scope?.config ?? {}).map(({ index, limit }) => ({
      key: `${connector.uuid}:${scope!.kind}:${scope!.slug}:${index}`,
      limit,
    }));
    return [...scoped, { key: connector.uuid, limit: rateLimit }];
  }

  async function acquireAll(buckets: ReturnType<typeof bucketsOf>, signal: AbortSignal | undefined): Promise<RateLimitSent> {
    const sents: RateLimitSent[] = [];
    const sentAll = () => sents.forEach((sent) => sent());
    try {
      for (const { key, limit } of buckets) sents.push(await limiter.acquire(key, limit, signal));
    } catch (error) {
      sentAll();
      throw error;
    }
    return sentAll;
  }

  async function call<T>(schema: AnswerSchema<T>, request: IntegrationRequest, { connector, scope, signal, ...options }: Call): Promise<T> {
    const buckets = connector && bucketsOf(connector, scope);
    const send = () =>
      callIntegration(
        joinUrl(baseUrl, request.path),
        { method: "POST", body: request.body, headers: options.headers },
        {
          timeoutMs: Math.min(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxTimeoutMs),
          capability: options.capability,
          signal,
          outbound,
          beforeAttempt: buckets && (() => acquireAll(buckets, signal)),
          onRateLimited: connector && ((waitMs) => limiter.pause(connector.uuid, waitMs)),
          onCall: onCall && ((observed) => onCall(observed, { connector })),
        },
      );
    const serialized = connector && scope?.kind === "action" && actions[scope.slug]?.isSerialized;
    const raw = await (serialized ? serialLocks.run(`${connector.uuid}:action:${scope.slug}`, send, signal) : send());
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
        scope: { kind: "action", slug: actionSlug, config },
        signal,
        headers: idempotencyKey ? { "idempotency-key": idempotencyKey } : undefined,
      }),

    fetchExtractor: (connector, extractorSlug, config, { signal, ...options } = {}) =>
      call(FetchExtractorResponseBody, requests.fetchExtractorRequest(layout, connector, extractorSlug, config, options), {
        connector,
        scope: { kind: "extractor", slug: extractorSlug, config },
        signal,
      }),

    countExtractor: (connector, extractorSlug, config, { signal } = {}) =>
      call(CountExtractorResponseBody, requests.countExtractorRequest(layout, connector, extractorSlug, config), {
        connector,
        scope: { kind: "extractor", slug: extractorSlug, config },
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
