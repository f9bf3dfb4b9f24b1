import type { z } from "zod";
import type { Problem } from "@/lib/contract";
import { invalidInput } from "./errors";

/**
 * A route's query string as one object for its schema. Refused by name rather than read some way
 * the caller did not mean: a key given twice (`?statuses=a&statuses=b` would keep only the last),
 * a key the route does not take (`?status=error` on a route that filters by `statuses` would list
 * everything; a loose object's schema takes any), and a NUL character, which Postgres cannot compare with.
 */
export function readQuery(params: URLSearchParams, schema: z.ZodType): Record<string, string> {
  const known = schemaKeys(schema);
  const problems: Problem[] = [];
  const query: Record<string, string> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    if (known && !known.includes(key)) problems.push({ path: key, message: `is not a query parameter of this route${known.length ? ` (it takes ${known.join(", ")})` : ""}` });
    else if (values.length > 1) problems.push({ path: key, message: `is given ${values.length} times; give it once` });
    else if (values[0]!.includes("\u0000")) problems.push({ path: key, message: "contains a NUL character" });
    else query[key] = values[0]!;
  }
  if (problems.length > 0) throw invalidInput("query", problems);
  return query;
}

/** Path parameters as decoded from the URL; one with a NUL character is refused (see `readQuery`). */
export function checkPathParams(params: Record<string, string>): Record<string, string> {
  const problems = Object.entries(params)
    .filter(([, value]) => value.includes("\u0000"))
    .map(([key]) => ({ path: key, message: "contains a NUL character" }));
  if (problems.length > 0) throw invalidInput("path parameters", problems);
  return params;
}

/**
 * The keys an object schema names (a refined object keeps its shape); undefined for any other
 * schema, and for a loose object (`.loose()`: a webhook's, whose senders may add their own).
 */
function schemaKeys(schema: z.ZodType): string[] | undefined {
  const { shape, def } = schema as { shape?: Record<string, unknown>; def?: { catchall?: unknown } };
  return shape && typeof shape === "object" && !def?.catchall ? Object.keys(shape) : undefined;
}
