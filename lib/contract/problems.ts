import { z } from "zod";

/** One reason a payload failed its schema, located by a readable path. */
export const Problem = z.object({
  path: z.string().describe("Where, e.g. `actions.createRecord.config.jsonSchema` or `results[1].label`"),
  message: z.string().describe("What is wrong there"),
});
export type Problem = z.infer<typeof Problem>;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Writes an issue path as `a.b[0].c`, quoting keys that are not identifiers; `(root)` when empty. */
export function formatProblemPath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return "(root)";
  return path
    .map((key, index) => {
      if (typeof key === "number") return `[${key}]`;
      if (typeof key === "symbol") return `[${String(key)}]`;
      if (!IDENTIFIER.test(key)) return `[${JSON.stringify(key)}]`;
      return index === 0 ? key : `.${key}`;
    })
    .join("");
}

/** Every problem in a ZodError, in the order zod found them. */
export function toProblems(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    path: formatProblemPath(issue.path),
    message: describeIssue(issue),
  }));
}

// Zod says "received undefined" for a missing field and only "Invalid input" for a plain union;
// an integration developer fixes both faster when told "Required" and which types are accepted.
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type" && issue.message.endsWith("received undefined")) {
    return `Required: expected ${issue.expected}`;
  }
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return issue.message;
  const expected = issue.errors.map((branch) => {
    const [first] = branch;
    const isTypeMismatch = branch.length === 1 && first?.code === "invalid_type" && first.path.length === 0;
    return isTypeMismatch ? first.expected : null;
  });
  if (expected.some((type) => type === null)) return issue.message;
  return `Invalid input: expected ${expected.join(" | ")}`;
}
