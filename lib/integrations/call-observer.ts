import type { CallScope } from "./call-limits";
import type { ConnectorRef } from "./layouts";

/** Which call of the contract an attempt was: named by its caller, never inferred from the URL. */
export type CallOperation =
  | "manifest"
  | "authenticate"
  | "listUsers"
  | "executeAction"
  | "fetchExtractor"
  | "countExtractor"
  | "autocomplete"
  | "dynamicSchema"
  | "completeOauth";

/**
 * What an observed call is, as its caller built it: the operation, and the contract path under
 * the base URL (`/actions/createRecord/execute`), whatever form the base URL was written in.
 */
export interface CallPurpose {
  operation: CallOperation;
  endpoint: string;
}

/**
 * One attempt at one call to an integration server, as it went over the wire: what the request
 * inspector records. It holds the request and answer as they were, secrets included, so the
 * observer must redact before keeping anything (lib/server's recorder does).
 */
export interface ObservedCall extends CallPurpose {
  method: "GET" | "POST";
  /** The full URL called: the server's base URL and the endpoint path. */
  url: string;
  /** The `X-Request-Id` sent; retries after a 429 send the same one. */
  requestId: string;
  requestHeaders: Record<string, string>;
  /** The body as sent (JSON text); null for a GET. */
  requestBody: string | null;
  /** Its size in bytes (counted when it was encoded, so an observer need not scan it). */
  requestBytes: number | null;
  /** The HTTP status; null when no answer came (network error, timeout, cancelled). */
  status: number | null;
  /** Why no usable answer came: an `IntegrationError` kind, or `cancelled` by the caller's signal. */
  errorKind: string | null;
  errorMessage: string | null;
  /** The answer's text as read (up to the client's size cap); null when none was read. */
  responseBody: string | null;
  /** Its size in bytes, as read. */
  responseBytes: number | null;
  startedAt: Date;
  durationMs: number;
}

/**
 * Told of every attempt `callIntegration` makes, once it ended. Called synchronously on the
 * call's path, so it must be quick and must not throw (a throw is swallowed anyway).
 */
export type CallObserver = (call: ObservedCall) => void;

/** What the client adds to an observed call: the connector it was made for, and the action or extractor called. */
export interface CallContext {
  connector?: ConnectorRef;
  scope?: CallScope;
}

/** Who is told of a call's attempts, and what the call is. */
export interface CallObservation extends CallPurpose {
  onCall: CallObserver;
}

/** Reports an attempt; an observer that fails never fails or slows the call it watched. */
export function reportCall(observer: CallObserver | undefined, call: ObservedCall): void {
  if (!observer) return;
  try {
    observer(call);
  } catch {
    // Recording is best effort: the call's own outcome is what the caller waits for.
  }
}
