import { ownEntry } from "@/lib/contract/own-entry";
import {
  AuthenticateResponseBody,
  AutocompleteResponseBody,
  CompleteOauthResponseBody,
  CountExtractorResponseBody,
  DynamicSchemaResponseBody,
  ExecuteActionResponseBody,
  FetchExtractorResponseBody,
  ListUsersResponseBody,
  type ManifestLayout,
  type RateLimit,
} from "@/lib/contract";
import { rateLimitGate, type CallLimits, type CallScope } from "./call-limits";
import type { CallContext, CallOperation, ObservedCall } from "./call-observer";
import { joinUrl } from "./fetch-manifest";
import { AUTOCOMPLETE_TIMEOUT_MS, callIntegration, DEFAULT_TIMEOUT_MS } from "./http";
import { IntegrationError } from "./integration-error";
import type { CallControl, IntegrationClient } from "./integration-client";
import * as requests from "./layouts";
import type { ConnectorRef, IntegrationRequest } from "./layouts";
import type { OutboundFetch } from "./outbound";
import { parseAnswer, type AnswerSchema } from "./parse-answer";
import { processRateLimiter, type RateLimiter } from "./rate-limiter";
import { processSerialLocks, type SerialLocks } from "./serial-locks";

export type { CallContext, CallControl, CallLimits, CallScope, IntegrationClient };

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
  onCall?: (call: ObservedCall, context: CallContext) => void;
}

interface Call {
  operation: CallOperation;
  connector?: ConnectorRef;
  /** The action or extractor called, for its own limits. */
  scope?: CallScope;
  signal?: AbortSignal;
  timeoutMs?: number;
  /**
   * A bound on the whole call, the waits for a rate limit's token, a 429's `Retry-After` and a
   * serialized action's turn included (`timeoutMs` bounds each attempt only): autocomplete's, so a
   * form's dropdown never waits on a paused connector past it.
   */
  deadlineMs?: number;
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
  const gate = rateLimitGate({ limiter, rateLimit, actions, extractors });

  async function call<T>(schema: AnswerSchema<T>, request: IntegrationRequest, { deadlineMs, signal: callerSignal, ...rest }: Call): Promise<T> {
    if (deadlineMs === undefined) return attempts(schema, request, { ...rest, signal: callerSignal });
    const deadline = AbortSignal.timeout(deadlineMs);
    try {
      return await attempts(schema, request, { ...rest, signal: callerSignal ? AbortSignal.any([callerSignal, deadline]) : deadline });
    } catch (error) {
      if (!deadline.aborted || callerSignal?.aborted || error instanceof IntegrationError) throw error;
      throw new IntegrationError("timeout", `The integration server did not answer POST ${request.path} within ${deadlineMs / 1000} s, waits for its rate limit included`, { cause: error });
    }
  }

  async function attempts<T>(schema: AnswerSchema<T>, request: IntegrationRequest, { operation, connector, scope, signal, ...options }: Call): Promise<T> {
    const observe = onCall && { onCall: (observed: ObservedCall) => onCall(observed, { connector, scope }), operation, endpoint: request.path };
    const send = () =>
      callIntegration(
        joinUrl(baseUrl, request.path),
        { method: "POST", body: request.body, headers: options.headers },
        {
          timeoutMs: Math.min(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxTimeoutMs),
          capability: options.capability,
          signal,
          outbound,
          beforeAttempt: connector && gate(connector, scope, signal),
          onRateLimited: connector && ((waitMs) => limiter.pause(connector.uuid, waitMs)),
          observe,
        },
      );
    const serialized = connector && scope?.kind === "action" && ownEntry(actions, scope.slug)?.isSerialized;
    const raw = await (serialized ? serialLocks.run(`${connector.uuid}:action:${scope.slug}`, send, signal) : send());
    return parseAnswer(schema, raw, `The integration server's answer to POST ${request.path}`);
  }

  return {
    authenticate: (connector, { signal } = {}) =>
      call(AuthenticateResponseBody, requests.authenticateRequest(connector), { operation: "authenticate", connector, signal }),

    listUsers: (connector, { signal } = {}) =>
      call(ListUsersResponseBody, requests.listUsersRequest(connector), { operation: "listUsers", connector, signal, capability: "listing users" }),

    executeAction: (connector, actionSlug, config, { signal, idempotencyKey, isDryExecution } = {}) =>
      call(ExecuteActionResponseBody, requests.executeActionRequest(connector, actionSlug, config, isDryExecution), {
        operation: "executeAction",
        connector,
        scope: { kind: "action", slug: actionSlug, config },
        signal,
        headers: idempotencyKey ? { "idempotency-key": idempotencyKey } : undefined,
      }),

    fetchExtractor: (connector, extractorSlug, config, { signal, ...options } = {}) =>
      call(FetchExtractorResponseBody, requests.fetchExtractorRequest(layout, connector, extractorSlug, config, options), {
        operation: "fetchExtractor",
        connector,
        scope: { kind: "extractor", slug: extractorSlug, config },
        signal,
      }),

    countExtractor: (connector, extractorSlug, config, { signal } = {}) =>
      call(CountExtractorResponseBody, requests.countExtractorRequest(layout, connector, extractorSlug, config), {
        operation: "countExtractor",
        connector,
        scope: { kind: "extractor", slug: extractorSlug, config },
        signal,
        capability: "counting records",
      }),

    autocomplete: (connector, slug, params, value, { signal } = {}) =>
      call(AutocompleteResponseBody, requests.autocompleteRequest(layout, connector, slug, params, value), {
        operation: "autocomplete",
        connector,
        signal,
        timeoutMs: AUTOCOMPLETE_TIMEOUT_MS,
        deadlineMs: AUTOCOMPLETE_TIMEOUT_MS,
      }),

    dynamicSchema: (connector, slug, params, { signal } = {}) =>
      call(DynamicSchemaResponseBody, requests.dynamicSchemaRequest(layout, connector, slug, params), {
        operation: "dynamicSchema",
        connector,
        signal,
        capability: `the dynamic schema "${slug}"`,
      }),

    completeOauth: (code, redirectUri, { signal } = {}) =>
      call(CompleteOauthResponseBody, requests.completeOauthRequest(code, redirectUri), { operation: "completeOauth", signal, capability: "OAuth" }),
  };
}
