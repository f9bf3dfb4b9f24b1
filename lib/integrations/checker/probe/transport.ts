import { IntegrationError } from "../../integration-error";
import { outboundRefusalOf } from "../../outbound/outbound-refused-error";
import { MAX_ANSWER_DEPTH, parseJson, readCapped } from "../../read-answer";

/** The most a probe reads of one answer, as the client (http.ts). */
export const MAX_ANSWER_BYTES = 5 * 1024 * 1024;

/** What the server answered, kept whole: the checker judges status, body and JSON itself. */
export interface RawAnswer {
  status: number;
  headers: Headers;
  json: { ok: true; value: unknown } | { ok: false };
  /** The first characters of the body, to show what came instead of JSON. */
  excerpt: string;
}

/** Why no answer came. */
export interface NoAnswer {
  failure: "unreachable" | "timeout" | "too-large";
  detail: string;
}

/**
 * One request as the client sends it (JSON body, `X-Request-Id`, redirects not followed) but with
 * the answer returned as it came, not turned into an exception, so every fault can be reported
 * with what the server did. The client's own validation would hide the path of a problem.
 * `redact` is applied before anything is cut: to the excerpt's whole text, and to every string
 * (and key) of the parsed answer, so a server echoing a secret cannot get part of it into the
 * report through a quote cut before a later redaction could find it whole. The answer is parsed
 * first: a redaction that matches inside a number (`"pin": "2024"` and `"total": 2024`) must not
 * make valid JSON unparsable.
 */
export async function send(
  fetchImpl: typeof globalThis.fetch,
  url: string,
  init: { method: "GET" | "POST"; body?: unknown; headers?: Record<string, string> },
  timeoutMs: number,
  redact: (text: string) => string = (text) => text,
): Promise<RawAnswer | NoAnswer> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetchImpl(url, {
      method: init.method,
      signal,
      redirect: "manual",
      headers: {
        accept: "application/json",
        "x-request-id": crypto.randomUUID(),
        ...(init.body !== undefined && { "content-type": "application/json" }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await readCapped(response, MAX_ANSWER_BYTES);
    const json = parseJson(text);
    // Reported as an answer too large to use: its depth, not its bytes, is what no caller can walk.
    if (!json.ok && json.tooDeep) return { failure: "too-large", detail: `the answer nests more than ${MAX_ANSWER_DEPTH} levels of arrays and objects` };
    return {
      status: response.status,
      headers: response.headers,
      json: json.ok ? { ok: true, value: redactStrings(json.value, redact) } : json,
      excerpt: redact(text).slice(0, 120),
    };
  } catch (error) {
    if (error instanceof IntegrationError) return { failure: "too-large", detail: error.message };
    if (signal.aborted) return { failure: "timeout", detail: `no complete answer within ${timeoutMs / 1000} s` };
    return { failure: "unreachable", detail: describe(error) };
  }
}

/** The value with `redact` applied to each string and key, numbers and literals as they were. */
function redactStrings(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === "string") return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, redact));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redact(key), redactStrings(item, redact)]));
  }
  return value;
}

function describe(error: unknown): string {
  const refusal = outboundRefusalOf(error);
  if (refusal) return refusal.message;
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** A `typeof fetch` over the outbound guard, for a caller (the API) that holds one. */
export function fetchThrough(outbound: (url: string | URL, init?: { method?: string; headers?: HeadersInit; body?: string; signal?: AbortSignal; redirect?: "follow" | "error" | "manual" }) => Promise<Response>): typeof globalThis.fetch {
  return (input, init) => {
    const url = input instanceof Request ? input.url : input;
    const body = init?.body;
    if (body !== undefined && body !== null && typeof body !== "string") throw new TypeError("The contract checker sends text bodies only");
    return outbound(url, { method: init?.method, headers: init?.headers, body: body ?? undefined, signal: init?.signal ?? undefined, redirect: init?.redirect });
  };
}
