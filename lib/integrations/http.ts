import { IntegrationError } from "./integration-error";

export const DEFAULT_TIMEOUT_MS = 30_000;
export const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

export interface CallOptions {
  timeoutMs?: number;
  maxBytes?: number;
  fetchImpl?: typeof fetch;
}

/**
 * One HTTP call to an integration server that answers parsed JSON or throws an IntegrationError:
 * bounded in time and size, tagged with `X-Request-Id`, and with the server's `errorMessage`
 * surfaced on a non-2xx answer.
 */
export async function callIntegration(
  url: string,
  init: { method: "GET" | "POST"; body?: unknown; headers?: Record<string, string> },
  { timeoutMs = DEFAULT_TIMEOUT_MS, maxBytes = MAX_RESPONSE_BYTES, fetchImpl = fetch }: CallOptions = {},
): Promise<unknown> {
  const signal = AbortSignal.timeout(timeoutMs);
  const target = new URL(url);
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: init.method,
      signal,
      redirect: "error",
      headers: {
        accept: "application/json",
        "x-request-id": crypto.randomUUID(),
        ...(init.body !== undefined && { "content-type": "application/json" }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch (error) {
    if (signal.aborted) throw timeoutError(target, timeoutMs, error);
    throw new IntegrationError("unreachable", `Could not reach the integration server at ${target.origin}: ${describe(error)}`, {
      cause: error,
    });
  }
  let text: string;
  try {
    text = await readCapped(response, maxBytes);
  } catch (error) {
    if (error instanceof IntegrationError) throw error;
    if (signal.aborted) throw timeoutError(target, timeoutMs, error);
    throw new IntegrationError("badResponse", `The integration server's answer was cut off: ${describe(error)}`, { cause: error });
  }
  const json = parseJson(text);
  if (!response.ok) {
    const message =
      json.ok && typeof (json.value as { errorMessage?: unknown })?.errorMessage === "string"
        ? (json.value as { errorMessage: string }).errorMessage
        : `The integration server answered HTTP ${response.status} to ${init.method} ${target.pathname}`;
    throw new IntegrationError("errorResponse", message, { status: response.status });
  }
  if (!json.ok) {
    throw new IntegrationError("badResponse", `The integration server's answer to ${init.method} ${target.pathname} is not JSON`);
  }
  return json.value;
}

function timeoutError(target: URL, timeoutMs: number, cause: unknown) {
  return new IntegrationError("timeout", `The integration server at ${target.origin} did not answer within ${timeoutMs / 1000} s`, {
    cause,
  });
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get("content-length"));
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function tooLarge(maxBytes: number) {
  return new IntegrationError("badResponse", `The integration server's answer is larger than ${maxBytes / 1024 / 1024} MB`);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
