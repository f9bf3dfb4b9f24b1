import type { z } from "zod";
import { badRequest } from "./errors";

/** Parses input with a zod schema, or throws 400 with every problem as `label.path: message`. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, label: string): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = [label, ...issue.path.map(String)].join(".");
    return valueAt(input, issue.path) === undefined ? `${path} is required` : `${path}: ${issue.message}`;
  });
  throw badRequest(problems.join("; "));
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
