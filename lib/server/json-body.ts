import { depthExceeds } from "@/lib/contract";
import { AppError } from "./errors";

/**
 * How deep a request body's arrays and objects may nest: far more than any graph, config or data
 * needs (a run keeps at most 64 levels), and far less than the recursion in serializing, merging
 * secrets or walking configs can take (a body 2,000 levels deep, 12 KB, overflowed the stack).
 */
export const MAX_BODY_DEPTH = 128;

/** A request body's JSON, refused (400) when it is not JSON or nests deeper than MAX_BODY_DEPTH. */
export function parseJsonBody(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("bad_request:body", "The request body is not valid JSON");
  }
  if (depthExceeds(value, MAX_BODY_DEPTH)) throw new AppError("bad_request:body", `The request body nests more than ${MAX_BODY_DEPTH} levels of arrays and objects`);
  return value;
}
