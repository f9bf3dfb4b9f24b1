import { reportCall, type CallObservation } from "./call-observer";
import { IntegrationError } from "./integration-error";
import { defaultOutboundFetch, outboundRefusalOf, type OutboundFetch } from "./outbound";
import { errorMessageOf, MAX_ANSWER_DEPTH, parseJson, readCappedSized } from "./read-answer";
import { retryAfterMs } from "./retry-after";
import { sleep } from "./sleep";

export const DEFAULT_TIMEOUT_MS = 30_000;
export const AUTOCOMPLETE_TIMEOUT_MS = 10_000;
export const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
export const MAX_RATE_LIMIT_RETRIES = 3;

export interface CallOptions {
  /** Limit for each attempt. Default 30 s. */
  timeoutMs?: number;
  maxBytes?: number;
  /** The outbound guard the call goes through; default: one that allows no private address. */
  outbound?: OutboundFetch;
  /** Cancels the call, a wait before a retry included; the call then rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Marks an optional endpoint and names what it does ("listing users"): a 404, 405 or 501, or a
   * 2xx answer that is not JSON, then throws `notSupported` instead of a failure.
   */
  capability?: string;
  /**
   * Awaited before every attempt, retries included; the client takes a rate-limit token here. The
   * function it may resolve to is called once the server has answered (or the attempt failed).
   */
  beforeAttempt?: () => Promise<void | (() => void)>;
  /** How often an HTTP 429 is retried after its `Retry-After`. Default 3. */
  rateLimitRetries?: number;
  /**
   * Told of every HTTP 429, retried or not, with how long its `Retry-After` asks to wait; the
   * client pauses the connector's bucket for that long, so every call of the connector waits.
   */
  onRateLimited?: (retryAfterMs: number) => void;
  /** Told of every attempt once it ended, request and answer as they went, with what the call is (the request inspector). */
  observe?: CallObservation;
}

export interface CallInit {
  method: "GET" | "POST";
  body?: unknown;
  headers?: Record<string, string>;
}

interface Answer {
  status: number;
  ok: boolean;
  headers: Headers;
  json: ReturnType<typeof parseJson>;
}

const UNSUPPORTED_STATUSES = new Set([404, 405, 501]);

/**
 * One call to an integration server that answers parsed JSON or throws an IntegrationError:
 * bounded in time and size, tagged with `X-Request-Id`, retried on HTTP 429 after `Retry-After`,
 * and with the server's `errorMessage` surfaced on a non-2xx answer.
 * @example
 * const manifest = await callIntegration(`${baseUrl}/manifest`, { method: "GET" });
 */
export async function callIntegration(url: string, init: CallInit, options: CallOptions = {}): Promise<unknown> {
  const target = new URL(url);
  // One id for the logical call, so the server can tie a retry to the attempt it refused.
  const requestId = crypto.randomUUID();
  const retries = options.rateLimitRetries ?? MAX_RATE_LIMIT_RETRIES;
  for (let attempt = 0; ; attempt++) {
    const sent = await options.beforeAttempt?.();
    const answer = await send(target, init, requestId, options, sent || undefined);
    if (answer.status === 429) {
      const waitMs = retryAfterMs(answer.headers.get("retry-after"));
      options.onRateLimited?.(waitMs);
      if (attempt < retries) {
        await sleep(waitMs, options.signal);
        continue;
      }
    }
    return interpret(answer, target, init.method, options.capability);
  }
}

async function send(target: URL, init: CallInit, requestId: string, options: CallOptions, sent?: () => void): Promise<Answer> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, maxBytes = MAX_RESPONSE_BYTES, outbound = defaultOutboundFetch() } = options;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const headers: Record<string, string> = {
    accept: "application/json",
    "x-request-id": requestId,
    ...(init.body !== undefined && { "content-type": "application/json" }),
    ...init.headers,
  };
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  // Encoded here rather than by undici, so the size is known without scanning the text again.
  const payload = body === undefined ? undefined : Buffer.from(body);
  const startedAt = new Date();
  const started = performance.now();
  let status: number | null = null;
  let text: string | null = null;
  let textBytes: number | null = null;
  let failure: unknown;
  try {
    let response: Response;
    try {
      response = await outbound(target, { method: init.method, signal, redirect: "error", headers, body: payload });
    } catch (error) {
      sent?.();
      options.signal?.throwIfAborted();
      // Refused before any connection, and answered as an unreachable server: same kind, same status.
      const refusal = outboundRefusalOf(error);
      if (refusal) throw new IntegrationError("unreachable", refusal.message, { cause: refusal });
      if (timeout.aborted) throw timeoutError(target, timeoutMs, error);
      throw new IntegrationError("unreachable", `Could not reach the integration server at ${target.origin}: ${describe(error)}`, {
        cause: error,
      });
    }
    sent?.();
    status = response.status;
    try {
      ({ text, bytes: textBytes } = await readCappedSized(response, maxBytes));
    } catch (error) {
      if (error instanceof IntegrationError) throw error;
      options.signal?.throwIfAborted();
      if (timeout.aborted) throw timeoutError(target, timeoutMs, error);
      throw new IntegrationError("badResponse", `The integration server's answer was cut off: ${describe(error)}`, { cause: error });
    }
    const json = parseJson(text);
    if (!json.ok && json.tooDeep) {
      throw new IntegrationError("badResponse", `The integration server's answer to ${init.method} ${target.pathname} nests more than ${MAX_ANSWER_DEPTH} levels of arrays and objects`);
    }
    return { status: response.status, ok: response.ok, headers: response.headers, json };
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    if (options.observe) {
      const { onCall, operation, endpoint } = options.observe;
      reportCall(onCall, {
        operation,
        endpoint,
        method: init.method,
        url: target.href,
        requestId,
        requestHeaders: headers,
        requestBody: body ?? null,
        requestBytes: payload?.byteLength ?? null,
        status,
        errorKind: failure === undefined ? null : failure instanceof IntegrationError ? failure.kind : "cancelled",
        errorMessage: failure === undefined ? null : failure instanceof Error ? failure.message : String(failure),
        responseBody: text,
        responseBytes: textBytes,
        startedAt,
        durationMs: Math.round(performance.now() - started),
      });
    }
  }
}

function interpret(answer: Answer, target: URL, method: string, capability: string | undefined): unknown {
  const where = `${method} ${target.pathname}`;
  const { status } = answer;
  if (capability && (UNSUPPORTED_STATUSES.has(status) || (answer.ok && !answer.json.ok))) {
    throw new IntegrationError("notSupported", `This integration does not support ${capability}`, { status });
  }
  if (status === 429) {
    const message = errorMessageOf(answer.json) ?? `The integration server kept answering HTTP 429 (too many requests) to ${where}`;
    throw new IntegrationError("rateLimited", message, { status });
  }
  if (!answer.ok) {
    const message = errorMessageOf(answer.json) ?? `The integration server answered HTTP ${status} to ${where}`;
    throw new IntegrationError("errorResponse", message, { status });
  }
  if (!answer.json.ok) {
    throw new IntegrationError("badResponse", `The integration server's answer to ${where} is not JSON`);
  }
  return answer.json.value;
}

function timeoutError(target: URL, timeoutMs: number, cause: unknown) {
  return new IntegrationError("timeout", `The integration server at ${target.origin} did not answer within ${timeoutMs / 1000} s`, {
    cause,
  });
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
