import type { ObservedCall } from "@/lib/integrations";

/** How much of each body the inspector keeps (characters; a body past it ends with a marker). */
export const MAX_BODY_CHARS = 64 * 1024;
/**
 * How much of a body is captured: the kept part and room past it, so a secret that starts before
 * the cut is still whole when it is redacted (a longer one is cut off before the cut instead).
 */
export const CAPTURED_BODY_CHARS = MAX_BODY_CHARS + 16 * 1024;

/** The part of a body the recorder holds until it is redacted and written. */
export interface CapturedBody {
  text: string;
  /** Whether `text` is only the start of the body. */
  cut: boolean;
  /** The whole body's size in bytes. */
  bytes: number;
}

/** An observed call as queued: unredacted still, its bodies at most `CAPTURED_BODY_CHARS` each. */
export type CapturedCall = Omit<ObservedCall, "requestBody" | "responseBody" | "requestBytes" | "responseBytes"> & {
  requestBody: CapturedBody | null;
  responseBody: CapturedBody | null;
};

/**
 * What the recorder keeps of an observed call, taken on the call's path: a copy of each body's
 * start, so a 5 MB answer is not held in memory (nor scanned) while the call waits to be written.
 */
export function captureCall({ requestBody, responseBody, requestBytes, responseBytes, ...call }: ObservedCall): CapturedCall {
  return { ...call, requestBody: captureBody(requestBody, requestBytes), responseBody: captureBody(responseBody, responseBytes) };
}

function captureBody(text: string | null, bytes: number | null): CapturedBody | null {
  if (text === null) return null;
  if (text.length <= CAPTURED_BODY_CHARS) return { text, cut: false, bytes: bytes ?? Buffer.byteLength(text) };
  return { text: copyOf(text.slice(0, CAPTURED_BODY_CHARS)), cut: true, bytes: bytes ?? Buffer.byteLength(text) };
}

/**
 * A string that holds its own characters. V8 makes a slice a view of its parent, which keeps all
 * of a 5 MB body alive for the 80 KB kept; slicing a concatenation copies (measured: 50 heads of
 * 80 KB held 250 MB as slices, 9 MB copied; `Buffer.from(head).toString()` did the same, but
 * turns a lone surrogate at the cut into U+FFFD).
 */
export function copyOf(text: string): string {
  return ` ${text}`.slice(1);
}
