import { clipMiddle, type Problem } from "@/lib/contract";
import { TextNotStorableError } from "@/lib/db/sql-client";

/** Literal error codes, `<kind>:<subject>`; the kind alone decides the HTTP status. */
export type ErrorKind =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unprocessable"
  | "rate_limited"
  | "not_implemented"
  | "bad_gateway"
  | "unavailable"
  | "gateway_timeout"
  | "internal";
export type ErrorCode = ErrorKind | `${ErrorKind}:${string}`;

const statusByKind: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  not_implemented: 501,
  bad_gateway: 502,
  unavailable: 503,
  gateway_timeout: 504,
  internal: 500,
};

// The production server loads the API from the sources while pages run from Next's bundle, so a
// process can hold two copies of this class: errors carry a brand shared through the symbol
// registry, and `instanceof AppError` checks the brand rather than the prototype chain
// (a subclass keeps the ordinary check).
const APP_ERROR = Symbol.for("relay.AppError");

/** The one error type route handlers throw; its message is shown to the operator as is. */
export class AppError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return this === AppError ? isAppError(value) : Function.prototype[Symbol.hasInstance].call(this, value);
  }

  readonly [APP_ERROR] = true;
  readonly code: ErrorCode;
  readonly reason?: string;
  readonly problems?: Problem[];
  /** More fields for the error body, e.g. the current workflow on a 409 or the findings on a 422. */
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { reason?: string; problems?: Problem[]; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.reason = options.reason;
    this.problems = options.problems;
    this.details = options.details;
  }

  get status(): number {
    return statusByKind[this.code.split(":")[0] as ErrorKind];
  }
}

/**
 * The 400 for input that failed its schema: `Invalid <where>: <path>: <message>; …`, every
 * problem in the message and in `problems`.
 * @example throw invalidInput("query", [{ path: "limit", message: "must be a whole number in digits" }])
 */
export function invalidInput(where: string, problems: Problem[], reason?: string): AppError {
  const summary = problems.map((problem) => `${problem.path}: ${problem.message}`).join("; ");
  return new AppError("bad_request:input", `Invalid ${where}: ${summary}`, { problems, ...(reason && { reason }) });
}

/** True for an AppError from any copy of this module (see APP_ERROR). */
export function isAppError(value: unknown): value is AppError {
  return typeof value === "object" && value !== null && (value as { [APP_ERROR]?: unknown })[APP_ERROR] === true;
}

/**
 * How much of the caller's own input an answer may echo. A message or a problem quotes what it
 * refuses (a slug, an unknown key), and a megabyte slug would otherwise come back whole, once in
 * the message and again in each problem.
 */
export const MAX_ECHOED_CHARS = 1_000;
/** How many problems an answer lists: a body of 100,000 wrong items would otherwise be answered with 100,000. */
export const MAX_PROBLEMS_ANSWERED = 100;

/** Turns anything thrown into `{errorMessage}` and a status; unknown errors hide their internals. */
export function errorToResponse(error: unknown): Response {
  if (isAppError(error)) {
    const problems = error.problems?.slice(0, MAX_PROBLEMS_ANSWERED).map((problem) => ({ ...problem, path: clipMiddle(problem.path, MAX_ECHOED_CHARS), message: clipMiddle(problem.message, MAX_ECHOED_CHARS) }));
    const problemsLeftOff = (error.problems?.length ?? 0) - (problems?.length ?? 0);
    return Response.json(
      {
        // Details are the server's data, passed on whole: a 409's current workflow is loaded by the
        // editor as it is, and a clipped config would be saved back clipped.
        ...error.details,
        errorMessage: clipMiddle(error.message, MAX_ECHOED_CHARS),
        ...(error.reason && { reason: error.reason }),
        ...(problems && { problems }),
        ...(problemsLeftOff > 0 && { problemsLeftOff }),
      },
      { status: error.status },
    );
  }
  if (error instanceof TextNotStorableError) return Response.json({ errorMessage: error.message }, { status: 400 });
  console.error("[api] unexpected error", error instanceof Error ? error.stack : error);
  return Response.json({ errorMessage: "Something went wrong on the server. The error was logged." }, { status: 500 });
}
