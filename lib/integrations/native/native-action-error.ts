/** Why a native (in-app) action failed; lib/server maps each kind to an HTTP status. */
export type NativeActionErrorKind =
  | "unknownAction" // no such integration or action key
  | "invalidInputs" // the inputs (or the httpRequest config) fail the action's schema
  | "invalidCredentials" // the connector config lacks what the integration's authType needs
  | "providerError" // the provider answered an error: non-2xx, or Slack's `ok: false`
  | "unreachable" // connection refused, DNS, reset
  | "timeout" // no complete answer in time
  | "badResponse" // too large, or not the shape the action promises
  | "failed"; // anything else the action threw

// Worth another attempt: the same call may succeed once the network or the provider recovers.
const RETRYABLE_KINDS = new Set<NativeActionErrorKind>(["unreachable", "timeout", "failed"]);

export class NativeActionError extends Error {
  readonly kind: NativeActionErrorKind;
  /** The provider's HTTP status, when it answered. */
  readonly status?: number;
  /** The provider's own words (Slack's `error`, OpenAI's `error.message`), secrets removed. */
  readonly providerMessage?: string;
  /** Read by the run engine: false means retrying cannot help. */
  readonly retryable: boolean;

  constructor(kind: NativeActionErrorKind, message: string, options: { status?: number; providerMessage?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "NativeActionError";
    this.kind = kind;
    this.status = options.status;
    this.providerMessage = options.providerMessage;
    const transientStatus = options.status !== undefined && (options.status === 429 || options.status >= 500);
    this.retryable = RETRYABLE_KINDS.has(kind) || (kind === "providerError" && transientStatus);
  }
}

/**
 * What a provider module throws when the API answered an error, with the provider's message.
 * @example
 * if (body.ok === false) throw providerError(body.error, { status: res.status });
 */
export function providerError(message: string, { status }: { status?: number } = {}): NativeActionError {
  return new NativeActionError("providerError", message, { status, providerMessage: message });
}
