import { clipEnd } from "@/lib/contract/clip-text";
import { depthExceeds } from "@/lib/contract/json-depth";
import { IntegrationError } from "./integration-error";

/** Reads a response body as text, refusing it as soon as it passes `maxBytes`. */
export async function readCapped(response: Response, maxBytes: number): Promise<string> {
  return (await readCappedBody(response, maxBytes, () => tooLarge(maxBytes))).text;
}

/** `readCapped` with the size read in bytes, which it counts anyway (the request inspector keeps it). */
export function readCappedSized(response: Response, maxBytes: number): Promise<{ text: string; bytes: number }> {
  return readCappedBody(response, maxBytes, () => tooLarge(maxBytes));
}

/**
 * Reads a body (an answer, or a request the app received) as text, counting bytes as they arrive,
 * so a body without a Content-Length is stopped at the limit too; `tooLarge` makes the error.
 */
export async function readCappedText(message: Request | Response, maxBytes: number, tooLarge: () => Error): Promise<string> {
  return (await readCappedBody(message, maxBytes, tooLarge)).text;
}

async function readCappedBody(message: Request | Response, maxBytes: number, tooLarge: () => Error): Promise<{ text: string; bytes: number }> {
  const length = message.headers.get("content-length");
  const declared = Number(length);
  if (declared > maxBytes) {
    // An answer's body left unread would keep its connection open: it is given up.
    if (message instanceof Response) await message.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  // A declared length within the limit, of a body that is not decoded on the way (gzip could
  // expand it) nor chunked, is what the HTTP parser lets through and no more: read it whole,
  // without a stream (the API's requests then skip building a Web stream for their body). The
  // size is checked again after, for a message built in code with a length that is not its own.
  if (length !== null && Number.isSafeInteger(declared) && !message.headers.has("content-encoding") && !message.headers.has("transfer-encoding")) {
    const text = await message.text();
    const bytes = Buffer.byteLength(text);
    if (bytes > maxBytes) throw tooLarge();
    return { text, bytes };
  }
  if (!message.body) return { text: "", bytes: 0 };
  const reader = message.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return { text: Buffer.concat(chunks).toString("utf8"), bytes: size };
}

/**
 * How deep an integration server's or a provider's JSON may nest. JSON.parse reads any depth, and
 * the recursive walks after it (serializing an answer, normalizing a manifest) overflow the stack
 * at some thousands; no manifest, record or schema needs more than this.
 */
export const MAX_ANSWER_DEPTH = 128;

/** A parsed answer: its value, or not JSON (an empty body is not JSON either), or JSON nested past MAX_ANSWER_DEPTH. */
export type ParsedJson = { ok: true; value: unknown } | { ok: false; tooDeep?: true };

/** Parses JSON without throwing; JSON nested past MAX_ANSWER_DEPTH is refused as `tooDeep`. */
export function parseJson(text: string): ParsedJson {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false };
  }
  return depthExceeds(value, MAX_ANSWER_DEPTH) ? { ok: false, tooDeep: true } : { ok: true, value };
}

/**
 * How much of an integration server's own error message is kept: it becomes a run's and an
 * execution's error and the playground's answer, and a 4 MB one made each run list 4 MB.
 */
export const MAX_ERROR_MESSAGE_CHARS = 2_000;

/** The `errorMessage` of a parsed error body, when it has one, cut to MAX_ERROR_MESSAGE_CHARS. */
export function errorMessageOf(json: ParsedJson): string | undefined {
  if (!json.ok) return undefined;
  const message = (json.value as { errorMessage?: unknown } | null)?.errorMessage;
  if (typeof message !== "string" || !message) return undefined;
  return clipEnd(message, MAX_ERROR_MESSAGE_CHARS, (length) => `… (cut: ${length} characters in all)`);
}

function tooLarge(maxBytes: number) {
  return new IntegrationError("badResponse", `The integration server's answer is larger than ${maxBytes / 1024 / 1024} MB`);
}
