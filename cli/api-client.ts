import http from "node:http";
import https from "node:https";
import type { Readable } from "node:stream";
import type { Session } from "./config-store";
import { CliError } from "./output";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

/**
 * How long one API call may wait for its answer's headers (`RELAY_TIMEOUT_MS`, default 5 minutes:
 * a run created with `waitUntilFinished` is answered when it ends). A server that accepts the
 * connection and never answers must not hang a CI job; the body is not bounded, since a batch's
 * CSV may stream for longer than that.
 */
const timeoutMs = () => Number(process.env.RELAY_TIMEOUT_MS) || 300_000;

/** Answers a proxy or load balancer gives while the app restarts (a deploy): worth asking again. */
const TRANSIENT_STATUSES = new Set([502, 503, 504]);
/** Socket failures of the same moment: nothing listens yet, or the old process closed the connection. */
const TRANSIENT_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "UND_ERR_SOCKET"]);

/** Relay could not be reached at all; `code` is the socket error's (ECONNREFUSED, ENOTFOUND…). */
export class UnreachableError extends CliError {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/**
 * Whether a failed call may succeed if asked again a moment later (HTTP 502/503/504, a refused or
 * reset connection), as while Relay is being redeployed. Only safe to act on for reads.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof UnreachableError) return error.code !== undefined && TRANSIENT_CODES.has(error.code);
  return error instanceof CliError && TRANSIENT_STATUSES.has(error.body.status as number);
}

/** One call of the Relay API, relative to `/api/v1`. */
export interface ApiRequest {
  method: HttpMethod;
  path: string;
  /** Undefined entries are left out; lists are sent comma-separated, as `?statuses=a,b`. */
  query?: Record<string, unknown>;
  body?: unknown;
}

/** A request whose body is sent as it is read, such as a file from disk. */
export interface UploadRequest extends Omit<ApiRequest, "body"> {
  contentType: string;
  contentLength: number;
  body: Readable;
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
    return parseJson<T>(request, response.status, await response.text());
  }

  /**
   * Sends `request.body` as it is read and answers the JSON answer, through node:http: fetch keeps
   * every chunk it sent until the answer comes, so a 200 MB CSV would sit in memory whole. Here
   * RELAY_TIMEOUT_MS bounds a stall (no bytes either way), not the whole upload.
   */
  async upload<T = unknown>(request: UploadRequest): Promise<T> {
    const url = new URL(this.url(request));
    const headers = {
      authorization: `Bearer ${this.session.token}`,
      accept: "application/json",
      "content-type": request.contentType,
      "content-length": String(request.contentLength),
    };
    const answer = await new Promise<{ status: number; statusText: string; text: string }>((resolve, reject) => {
      const outgoing = (url.protocol === "https:" ? https : http).request(url, { method: request.method, headers, timeout: timeoutMs() });
      let answered = false;
      outgoing.on("timeout", () => {
        outgoing.destroy();
        reject(new CliError(`Relay at ${this.session.baseUrl} made no progress on ${request.method} ${request.path} for ${timeoutMs() / 1000} s (RELAY_TIMEOUT_MS)`));
      });
      // Once Relay has answered (a refusal may come before the body is all sent), the answer is what counts.
      outgoing.on("error", (error: NodeJS.ErrnoException) => {
        if (!answered) reject(new UnreachableError(`Could not reach Relay at ${this.session.baseUrl}: ${error.message}`, error.code));
      });
      outgoing.on("response", (incoming) => {
        answered = true;
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("error", reject);
        incoming.on("end", () => {
          resolve({ status: incoming.statusCode ?? 0, statusText: incoming.statusMessage ?? "", text: Buffer.concat(chunks).toString("utf8") });
          // A refusal answered mid-upload: sending the rest would only keep the process alive.
          if (!outgoing.writableFinished) outgoing.destroy();
        });
      });
      outgoing.on("close", () => request.body.destroy());
      request.body.on("error", (error) => {
        outgoing.destroy();
        reject(new CliError(`${request.method} ${request.path}: reading what to send failed: ${error.message}`));
      });
      request.body.pipe(outgoing);
    });
    if (answer.status < 200 || answer.status > 299) throw await apiError(request, new Response(answer.text, { status: answer.status, statusText: answer.statusText }));
    return parseJson<T>(request, answer.status, answer.text);
  }

  /**
   * The raw answer of a route that is not JSON (documentation text, CSV downloads), once it is
   * known to be a success. The timeout stops once the headers are in: the body is the caller's.
   */
  async send(request: ApiRequest): Promise<Response> {
    const url = this.url(request);
    const headers: Record<string, string> = { authorization: `Bearer ${this.session.token}`, accept: "application/json, text/*" };
    if (request.body !== undefined) headers["content-type"] = "application/json";
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs());
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
      });
    } catch (error) {
      if (controller.signal.aborted) {
        throw new CliError(`Relay at ${this.session.baseUrl} did not answer ${request.method} ${request.path} within ${timeoutMs() / 1000} s (RELAY_TIMEOUT_MS)`);
      }
      throw new UnreachableError(`Could not reach Relay at ${this.session.baseUrl}: ${networkReason(error)}`, networkCode(error));
    } finally {
      clearTimeout(timer);
    }
    if (!response.ok) throw await apiError(request, response);
    return response;
  }

  private url(request: Pick<ApiRequest, "path" | "query">): string {
    const url = new URL(`${this.session.baseUrl}/api/v1${request.path}`);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, Array.isArray(value) ? value.join(",") : String(value));
    }
    return url.toString();
  }
}

function parseJson<T>(request: Pick<ApiRequest, "method" | "path">, status: number, text: string): T {
  try {
    return (text ? JSON.parse(text) : {}) as T;
  } catch {
    throw new CliError(`${request.method} ${request.path} answered ${status} with something that is not JSON`);
  }
}

/** The API's error body as is (it says what to fix); anything else (a proxy's HTML page) as a status line. */
async function apiError(request: Pick<ApiRequest, "method" | "path">, response: Response): Promise<CliError> {
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

function networkCode(error: unknown): string | undefined {
  const code = (error as { cause?: { code?: unknown } }).cause?.code;
  return typeof code === "string" ? code : undefined;
}

/** Node's fetch says only "fetch failed"; the cause holds what the user can act on (ECONNREFUSED, ENOTFOUND). */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.message) return cause.message;
  if (cause?.code) return cause.code;
  return error instanceof Error ? error.message : String(error);
}
