import { clipEnd, toProblems } from "@/lib/contract";
import { IntegrationError } from "./integration-error";

/** Any contract schema; structural, so this folder needs nothing but `lib/contract`. */
export interface AnswerSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: Parameters<typeof toProblems>[0] };
}

/** How many problems the error's message itself names: a run's error shows only the message. */
const PROBLEMS_NAMED = 3;
/** How much of each named problem the message keeps. */
const PROBLEM_CHARS = 300;


/**
 * Validates what an integration server answered against its contract schema, or throws
 * `badResponse` listing every problem with its path (in `problems`, and the first few in the
 * message, which is all a run's error and a member who cannot open the request inspector see).
 * @example parseAnswer(AuthenticateResponseBody, raw, "The answer to POST /authenticate")
 */
export function parseAnswer<T>(schema: AnswerSchema<T>, value: unknown, subject: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = toProblems(result.error);
  const count = `${problems.length} problem${problems.length === 1 ? "" : "s"}`;
  // A path holds keys the server chose: each named problem is kept short.
  const named = problems.slice(0, PROBLEMS_NAMED).map(({ path, message }) => clipEnd(`${path}: ${message}`, PROBLEM_CHARS));
  const more = problems.length > PROBLEMS_NAMED ? "; …" : "";
  throw new IntegrationError("badResponse", `${subject} does not follow the contract (${count}): ${named.join("; ")}${more}`, { problems });
}
