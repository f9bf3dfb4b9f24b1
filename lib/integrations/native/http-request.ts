import { z } from "zod";
import { defaultOutboundFetch, outboundRefusalOf, type OutboundFetch } from "../outbound";
import { NativeActionError } from "./native-action-error";
import { MAX_NATIVE_RESPONSE_BYTES, readText } from "./read-response";

export const HTTP_REQUEST_TIMEOUT_MS = 30_000;

const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);

/** The computed config of a `httpRequest` node (its form is in native-actions.ts). */
export const HttpRequestConfig = z.object({
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]).default("GET"),
  url: z.string().min(1),
  headers: z.record(z.string(), scalar).optional(),
  body: z.unknown().optional(),
});
export type HttpRequestConfig = z.input<typeof HttpRequestConfig>;

export interface HttpRequestOutput {
  status: number;
  /** Lower-case names, as the response had them. */
  headers: Record<string, string>;
  /** Parsed when the response says it is JSON (and is), the text otherwise. */
  body: unknown;
}

export interface HttpRequestOptions {
  /** Cancels the request; it then rejects with the signal's reason. */
  signal?: AbortSignal;
  timeoutMs?: number;
  maxBytes?: number;
  /** The outbound guard (the composition root's, with its allowlist); default: one that allows no private address. */
  outbound?: OutboundFetch;
}

/**
 * The built-in `httpRequest` action: one request, bounded in time (30 s) and size (5 MB), through
 * the outbound guard (redirects followed up to 5 hops, each checked). Any answer, 4xx and 5xx
 * included, is an output (`status` says how it went); only a request that gets no answer fails,
 * and a refused target fails as an unreachable one does.
 * @example
 * const { status, body } = await runHttpRequest({ method: "GET", url: "https://api.example.com/items" });
 */
export async function runHttpRequest(config: unknown, options: HttpRequestOptions = {}): Promise<HttpRequestOutput> {
  const { method, url, headers = {}, body } = parseConfig(config);
  const target = parseUrl(url);
  const timeoutMs = options.timeoutMs ?? HTTP_REQUEST_TIMEOUT_MS;
  // One controller for both the caller's signal and the timeout: an AbortSignal is costly to make
  // (AbortSignal.timeout and AbortSignal.any would be two more per call).
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`${target.origin} did not answer within ${timeoutMs / 1000} s`, "TimeoutError"));
  }, timeoutMs);
  const forward = () => controller.abort(options.signal!.reason);
  if (options.signal?.aborted) forward();
  options.signal?.addEventListener("abort", forward, { once: true });
  try {
    const outbound = options.outbound ?? defaultOutboundFetch();
    const response = await outbound(target, { method, signal: controller.signal, ...encodeBody(method, headers, body) });
    const text = await readText(response, options.maxBytes ?? MAX_NATIVE_RESPONSE_BYTES);
    return { status: response.status, headers: Object.fromEntries(response.headers), body: decodeBody(response.headers, text) };
  } catch (error) {
    options.signal?.throwIfAborted();
    if (error instanceof NativeActionError) throw error;
    const refusal = outboundRefusalOf(error);
    if (refusal) throw new NativeActionError("unreachable", refusal.message, { cause: refusal });
    if (timedOut) throw new NativeActionError("timeout", `${target.origin} did not answer within ${timeoutMs / 1000} s`, { cause: error });
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
    throw new NativeActionError("unreachable", `Could not reach ${target.origin}: ${reason}`, { cause: error });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", forward);
  }
}

function parseConfig(config: unknown): z.output<typeof HttpRequestConfig> {
  const parsed = HttpRequestConfig.safeParse(config);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ");
  throw new NativeActionError("invalidInputs", `Invalid HTTP request: ${problems}`, { cause: parsed.error });
}

function parseUrl(url: string): URL {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new NativeActionError("invalidInputs", `Invalid HTTP request: "${url}" is not a URL`);
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") {
    throw new NativeActionError("invalidInputs", `Invalid HTTP request: only http and https URLs are supported, not ${target.protocol}`);
  }
  return target;
}

/** Text goes as is; anything else as JSON, with a JSON content type unless the headers name one. */
function encodeBody(method: string, headers: Record<string, string>, body: unknown): { headers: Record<string, string>; body?: string } {
  if (body === undefined || body === null || body === "") return { headers };
  if (method === "GET") throw new NativeActionError("invalidInputs", "Invalid HTTP request: a GET request cannot have a body");
  if (typeof body === "string") return { headers, body };
  const hasContentType = Object.keys(headers).some((name) => name.toLowerCase() === "content-type");
  return { headers: hasContentType ? headers : { ...headers, "content-type": "application/json" }, body: JSON.stringify(body) };
}

function decodeBody(headers: Headers, text: string): unknown {
  if (!/[/+]json\b/i.test(headers.get("content-type") ?? "")) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
