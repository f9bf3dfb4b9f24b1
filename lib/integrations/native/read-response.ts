import { IntegrationError } from "../integration-error";
import { parseJson, readCapped } from "../read-answer";
import { NativeActionError } from "./native-action-error";

/** The most a native action reads of one answer (docs/architecture.md, decision 3: 5 MB). */
export const MAX_NATIVE_RESPONSE_BYTES = 5 * 1024 * 1024;

/** A response body as text, refused with `badResponse` once it passes `maxBytes`. */
export async function readText(response: Response, maxBytes = MAX_NATIVE_RESPONSE_BYTES): Promise<string> {
  try {
    return await readCapped(response, maxBytes);
  } catch (error) {
    if (!(error instanceof IntegrationError)) throw error;
    throw new NativeActionError("badResponse", `The answer is larger than ${maxBytes / 1024 / 1024} MB`, { status: response.status });
  }
}

/**
 * A provider's answer parsed as JSON, or undefined when it is not JSON (an HTML error page from
 * a proxy, say), so the caller can still report the HTTP status.
 * @example
 * const body = (await readJson(res)) as { ok?: boolean; error?: string } | undefined;
 */
export async function readJson(response: Response): Promise<unknown> {
  const parsed = parseJson(await readText(response));
  return parsed.ok ? parsed.value : undefined;
}
