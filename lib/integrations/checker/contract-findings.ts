import type { z } from "zod";
import { toProblems } from "@/lib/contract";
import { finding } from "./codes";
import type { Segment } from "./json-path";
import type { Finding } from "./types";

/**
 * One finding per contract problem of a value: `manifest.invalid` for the manifest, `answer.invalid`
 * for an answer, each at its own path, so nothing is folded into one "does not follow the contract".
 */
export function contractFindings<T>(
  schema: z.ZodType<T>,
  value: unknown,
  options: { code: "manifest.invalid" | "answer.invalid"; pathOf: (segments: Segment[]) => string; subject: string; endpoint?: string },
): { data: T; findings: [] } | { data: undefined; findings: Finding[] } {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, findings: [] };
  const messages = toProblems(result.error);
  const findings = result.error.issues.map((issue, index) =>
    finding(
      options.code,
      options.pathOf(issue.path.filter((key): key is Segment => typeof key !== "symbol")),
      `${options.subject} does not follow the contract here: ${messages[index]!.message}.`,
      "Send what the contract expects at this path (see Cargo's custom-integration docs).",
      options.endpoint,
    ),
  );
  return { data: undefined, findings };
}
