import { plainMemberPath } from "@/lib/workflow/expressions/member-path";
import { type ExpressionPort } from "../ports";
import { planConfig, type Segment } from "./config-plan";
import { type ExpressionError } from "./expression-error";
import { describeFailure, refusalError, segmentError, tooManyExpressionsError } from "./failure-messages";
import { CONFIG_TIME_LIMIT_MS, DEFAULT_LIMITS, formatBytes, MAX_EXPRESSIONS_PER_CONFIG, MAX_READ_CHARS_PER_CONFIG, nativeStackMb } from "./limits";
import { readMemberPath, type CopyMeter, type PathReading } from "./read-member-path";
import { sharedSandboxPool, type SandboxPool } from "./sandbox-pool";
import { type SandboxLimits } from "./sandbox-protocol";
import { narrowScope } from "./scope-references";
import { isSideEffectFree } from "./side-effect-free";

export interface ExpressionEvaluatorOptions {
  /** Time each `{{ … }}` segment (or jsExpression) may run; default 100 ms. */
  timeoutMs?: number;
  /** Memory one config's expressions may take beyond the scope itself; default 32 MiB. */
  memoryBytes?: number;
  /** QuickJS stack; default 256 KiB, about 1,500 nested calls. */
  stackBytes?: number;
  /** Most segments one config may hold; default {@link MAX_EXPRESSIONS_PER_CONFIG}. */
  maxExpressions?: number;
  /** Time one config's expressions may take together; default {@link CONFIG_TIME_LIMIT_MS}. */
  totalTimeoutMs?: number;
  /** Read plain paths (`{{nodes.a.b}}`) in the host rather than in the sandbox; default true (false is for comparing the two). */
  fastPath?: boolean;
}

/** What expressions see as globals: `nodes` (outputs by slug), and any other plain-data key given. */
export interface ExpressionScope {
  nodes: Record<string, unknown>;
  [name: string]: unknown;
}

export interface ExpressionEvaluator extends ExpressionPort {
  /** Computes every field of a node's config; the root is always a record of fields, never an expression. */
  evaluateConfig(config: Record<string, unknown>, scope: ExpressionScope): Promise<Record<string, unknown>>;
  /** Computes one config value: an expression object, a literal, or an array/object holding either. */
  evaluateValue(value: unknown, scope: ExpressionScope): Promise<unknown>;
}

interface Settings {
  limits: SandboxLimits;
  maxExpressions: number;
  totalTimeoutMs: number;
  fastPath: boolean;
}

/**
 * Starts (or reuses) the process's sandbox threads and returns an evaluator bound to the limits.
 * Plain paths (`{{nodes.start.id}}`) are read in the host with the sandbox's semantics
 * (read-member-path.ts); the other segments of a config run in one sandbox session, in config
 * order, in a context with pristine globals, on whichever pool thread is free. A value without
 * expression objects is returned as it is.
 *
 * @example
 * const expressions = await createExpressionEvaluator();
 * await expressions.evaluateConfig({ to: { kind: "templateExpression", expression: "{{nodes.start.email}}" } }, { nodes: { start: { email: "ada@acme.example" } } });
 * // { to: "ada@acme.example" }
 */
export async function createExpressionEvaluator(options: ExpressionEvaluatorOptions = {}): Promise<ExpressionEvaluator> {
  const settings: Settings = {
    limits: {
      timeoutMs: options.timeoutMs ?? DEFAULT_LIMITS.timeoutMs,
      memoryBytes: options.memoryBytes ?? DEFAULT_LIMITS.memoryBytes,
      stackBytes: options.stackBytes ?? DEFAULT_LIMITS.stackBytes,
    },
    maxExpressions: options.maxExpressions ?? MAX_EXPRESSIONS_PER_CONFIG,
    totalTimeoutMs: options.totalTimeoutMs ?? CONFIG_TIME_LIMIT_MS,
    fastPath: options.fastPath ?? true,
  };
  const pool = sharedSandboxPool(nativeStackMb(settings.limits.stackBytes));
  await pool.start(settings.limits.memoryBytes);

  const compute = async (value: unknown, scope: ExpressionScope, asFields: boolean): Promise<unknown> => {
    const plan = planConfig(value, asFields);
    if (!plan.hasExpressions) return value;
    if (plan.segments.length > settings.maxExpressions) throw tooManyExpressionsError(plan.segments.length, settings.maxExpressions);
    return plan.assemble(await computeSegments(plan.segments, scope, settings, pool));
  };
  return {
    evaluateValue: (value, scope) => compute(value, scope, false),
    evaluateConfig: async (config, scope) => (await compute(config, scope, true)) as Record<string, unknown>,
  };
}

/**
 * Every segment's value, by index; throws the ExpressionError of the first segment that fails, in
 * config order, as if all had run in the sandbox one after another. Paths are read in the host
 * until a segment that may change the scope: from there on they run in the sandbox too, where
 * the change is.
 */
async function computeSegments(segments: Segment[], scope: ExpressionScope, settings: Settings, pool: SandboxPool): Promise<unknown[]> {
  const started = Date.now();
  const values: unknown[] = new Array(segments.length);
  const sandboxed: Segment[] = [];
  const sandboxedAt: number[] = [];
  let failure: ExpressionError | null = null;
  let scopeMayChange = false;
  const copied: CopyMeter = { chars: 0 };
  for (const [index, segment] of segments.entries()) {
    if (!segment.parsed.ok) {
      failure = refusalError(segment);
      break;
    }
    const reading = settings.fastPath && !scopeMayChange ? readInHost(segment, scope, copied) : null;
    if (reading?.kind === "thrown") {
      failure = segmentError(segment, `failed: ${reading.detail}`);
      break;
    }
    if (reading && copied.chars > MAX_READ_CHARS_PER_CONFIG) {
      failure = segmentError(segment, `takes this config's expressions past ${formatBytes(MAX_READ_CHARS_PER_CONFIG)} of data read in all, the most one config may hold`);
      break;
    }
    if (reading) values[index] = reading.value;
    else {
      sandboxed.push(segment);
      sandboxedAt.push(index);
      scopeMayChange ||= !isSideEffectFree(segment.parsed.ast);
    }
  }
  // The segments before the first failure run; theirs comes first when one fails.
  if (sandboxed.length > 0) {
    const budgetMs = Math.max(0, settings.totalTimeoutMs - (Date.now() - started));
    const sandboxValues = await runInSandbox(sandboxed, scope, settings, pool, budgetMs);
    sandboxValues.forEach((value, index) => (values[sandboxedAt[index]!] = value));
  }
  if (failure) throw failure;
  return values;
}

async function runInSandbox(segments: Segment[], scope: ExpressionScope, settings: Settings, pool: SandboxPool, budgetMs: number): Promise<unknown[]> {
  const codes = segments.map((segment) => segment.code);
  const result = await pool.run({
    scopeJson: JSON.stringify(narrowScope(scope, codes)),
    codes,
    limits: settings.limits,
    budgetMs,
    reusable: segments.every((segment) => segment.parsed.ok && isSideEffectFree(segment.parsed.ast)),
  });
  if (result.kind === "notOpened") throw new Error(`The expression sandbox could not take in the run context (${result.outcome.kind})`);
  if (result.kind === "failed") throw segmentError(segments[result.index]!, describeFailure(result.outcome, settings.limits, settings.totalTimeoutMs));
  return result.values.map((json) => (json === undefined ? undefined : JSON.parse(json)));
}

function readInHost(segment: Segment, scope: ExpressionScope, meter: CopyMeter): PathReading {
  if (!segment.parsed.ok) return null;
  const path = plainMemberPath(segment.parsed.ast);
  return path && readMemberPath(path, scope, meter);
}
