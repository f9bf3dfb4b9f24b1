import type { Session } from "./config-store";
import { CliError } from "./output";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

/**
 * How long one API call may take (`RELAY_TIMEOUT_MS`, default 5 minutes: a run created with
 * `waitUntilFinished` is answered when it ends). A server that accepts the connection and never
 * answers must not hang a CI job.
 */
const timeoutMs = () => Number(process.env.RELAY_TIMEOUT_MS) || 300_000;

/** One call of the Relay API, relative to `/api/v1`. */
export interface ApiRequest {
  method: HttpMethod;
  path: string;
  /** Undefined entries are left out; lists are sent comma-separated, as `?statuses=a,b`. */
  query?: Record<string, unknown>;
  body?: unknown;
}

/**
 * A thin client for `/api/v1` with an API token. It does not validate answers against
 * `lib/contract`: the CLI prints what the server says, and loading zod and the whole contract
 * would cost every command its startup time.
 */
export class ApiClient {
  constructor(
    readonly session: Pick<Session, "baseUrl" | "token">,
    private readonly fetchImpl: typeof fetch = globalThis.fetch,
  ) {}

  /** The JSON answer, or a {@link CliError} carrying the API's `{errorMessage, …}`. */
  async json<T = unknown>(request: ApiRequest): Promise<T> {
    const response = await this.send(request);
    const text = await response.text();
    try {
      return (text ? JSON.parse(text) : {}) as T;
    } catch {
      throw new CliError(`${request.method} ${request.path} answered ${response.status} with something that is not JSON`);
    }
  }

  /** The raw answer of a route that is not JSON (documentation text, CSV downloads), once it is known to be a success. */
  async send(request: ApiRequest): Promise<Response> {
    const url = this.url(request);
    const headers: Record<string, string> = { authorization: `Bearer ${this.session.token}`, accept: "application/json, text/*" };
    if (request.body !== undefined) headers["content-type"] = "application/json";
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(timeoutMs()),
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === "TimeoutError") {
        throw new CliError(`Relay at ${this.session.baseUrl} did not answer ${request.method} ${request.path} within ${timeoutMs() / 1000} s (RELAY_TIMEOUT_MS)`);
      }
      throw new CliError(`Could not reach Relay at ${this.session.baseUrl}: ${networkReason(error)}`);
    }
    if (!response.ok) throw await apiError(request, response);
    return response;
  }

  private url(request: ApiRequest): string {
    const url = new URL(`${this.session.baseUrl}/api/v1${request.path}`);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, Array.isArray(value) ? value.join(",") : String(value));
    }
    return url.toString();
  }
}

/** The API's error body as is (it says what to fix); anything else (a proxy's HTML page) as a status line. */
async function apiError(request: ApiRequest, response: Response): Promise<CliError> {
  const text = await response.text().catch(() => "");
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    if (typeof body.errorMessage === "string") return new CliError(body.errorMessage, { ...body, status: response.status });
  } catch {
    // Not JSON: described below.
  }
  return new CliError(`${request.method} ${request.path} failed: HTTP ${response.status} ${response.statusText}`.trim(), {
    errorMessage: `${request.method} ${request.path} failed: HTTP ${response.status} ${response.statusText}`.trim(),
    status: response.status,
  });
}

/** Node's fetch says only "fetch failed"; the cause holds what the user can act on (ECONNREFUSED, ENOTFOUND). */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.message) return cause.message;
  if (cause?.code) return cause.code;
  return error instanceof Error ? error.message : String(error);
}
