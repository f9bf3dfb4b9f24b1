import { depthExceeds } from "@/lib/contract/json-depth";
import { PermanentNodeError } from "./errors";
import { MAX_OUTPUT_BYTES, MAX_OUTPUT_DEPTH, MB } from "./limits";

/**
 * Throws a PermanentNodeError when a value cannot be kept in a run's state: nested deeper than
 * MAX_OUTPUT_DEPTH (a value that contains itself counts as endlessly deep), not JSON, or over
 * MAX_OUTPUT_BYTES once serialized. The depth is measured with a loop, not recursion, so a
 * 100,000-deep answer is refused before anything serializes it and overflows the stack.
 * @example assertStorable("The output", JSON.parse("[".repeat(100_000) + "]".repeat(100_000))) // throws
 */
export function assertStorable(what: string, value: unknown): void {
  if (depthExceeds(value, MAX_OUTPUT_DEPTH)) {
    throw new PermanentNodeError(`${what} is nested more than ${MAX_OUTPUT_DEPTH} levels deep, the most a run keeps`);
  }
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new PermanentNodeError(`${what} cannot be stored as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const bytes = text === undefined ? 0 : Buffer.byteLength(text);
  if (bytes > MAX_OUTPUT_BYTES) {
    throw new PermanentNodeError(`${what} is ${(bytes / MB).toFixed(1)} MB as JSON; a run keeps at most ${MAX_OUTPUT_BYTES / MB} MB per node`);
  }
}

/**
 * The size of `value` as JSON, at least (its UTF-16 length, which UTF-8 never undercuts): for a
 * running total that stops a node before it holds more than it could keep. A value JSON cannot
 * carry counts 0; assertStorable says why when the whole is checked.
 */
export function jsonBytes(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return 0;
  }
}
