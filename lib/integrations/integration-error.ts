import type { Problem } from "@/lib/contract";

/** Why a call to an integration server failed; lib/server maps each kind to an HTTP status. */
export type IntegrationErrorKind =
  | "unreachable" // connection refused, DNS, reset
  | "timeout" // no complete answer in time
  | "badResponse" // not JSON, too large, or fails the contract schema
  | "errorResponse" // non-2xx, with the server's errorMessage when it sent one
  | "notSupported" // an optional endpoint answered 404 or something that is not JSON
  | "rateLimited"; // still HTTP 429 after every retry the client allows

export class IntegrationError extends Error {
  readonly kind: IntegrationErrorKind;
  readonly status?: number;
  readonly problems?: Problem[];

  constructor(kind: IntegrationErrorKind, message: string, options: { status?: number; problems?: Problem[]; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "IntegrationError";
    this.kind = kind;
    this.status = options.status;
    this.problems = options.problems;
  }
}
