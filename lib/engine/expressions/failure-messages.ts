import { clipEnd } from "@/lib/contract/clip-text";
import { type Segment } from "./config-plan";
import { ExpressionError } from "./expression-error";
import { formatBytes, formatDuration } from "./limits";
import { type SandboxLimits, type SegmentFailure } from "./sandbox-protocol";

/** Longest expression text quoted in a message. */
const MAX_SHOWN_LENGTH = 120;

/** "Expression {{nodes.a.}} <problem>", for the segment's config path and expression. */
export function segmentError(segment: Segment, problem: string): ExpressionError {
  return new ExpressionError(`Expression ${clipEnd(segment.shown, MAX_SHOWN_LENGTH)} ${problem}`, segment.path, segment.source);
}

/** Why a segment cannot run at all: it asks for AI, or it does not parse. */
export function refusalError(segment: Segment): ExpressionError {
  if (segment.refusal !== undefined) return new ExpressionError(segment.refusal, segment.path, segment.source);
  if (segment.parsed.ok) throw new Error("refusalError called for a segment that can run");
  return segmentError(segment, `is not valid JavaScript: ${segment.parsed.message}`);
}

/** The config holds more segments than the cap; reported for the config as a whole (path ""). */
export function tooManyExpressionsError(count: number, max: number): ExpressionError {
  const number = (value: number) => value.toLocaleString("en-US");
  return new ExpressionError(
    `This config has ${number(count)} expressions ({{ }} segments and jsExpressions); at most ${number(max)} are evaluated per config`,
    "",
    "",
  );
}

/** What went wrong in the sandbox, completing "Expression {{…}} …". */
export function describeFailure(outcome: SegmentFailure, limits: SandboxLimits, totalMs: number): string {
  switch (outcome.kind) {
    case "thrown":
      return `failed: ${outcome.detail}`;
    case "unserializable":
      return `returned ${outcome.detail}, which is not JSON data`;
    case "timeout":
      return `took longer than ${limits.timeoutMs} ms and was stopped`;
    case "budget":
      return `was stopped: the config's expressions together took longer than ${formatDuration(totalMs)}, the limit per config`;
    case "memory":
      return `used more than ${formatBytes(limits.memoryBytes)} and was stopped`;
    case "stack":
      return "nested calls too deeply (stack overflow) and was stopped";
    case "crashed":
      return `crashed the sandbox (${outcome.detail}) and was stopped`;
  }
}
