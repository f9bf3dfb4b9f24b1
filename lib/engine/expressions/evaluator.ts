import { isExpressionObject, type ExpressionObject } from "@/lib/contract";
import { expressionSources, isSingleSegment, parseTemplate } from "@/lib/workflow/expressions/template";
import { type ExpressionPort } from "../ports";
import { ExpressionError } from "./expression-error";
import { expressionSyntaxError } from "./expression-syntax";
import { sharedSandboxHost, type EvaluateCode } from "./sandbox-host";
import { neededEntries } from "./scope-references";
import { type SandboxLimits, type SegmentOutcome } from "./sandbox-protocol";

export interface ExpressionEvaluatorOptions {
  /** Time each `{{ … }}` segment (or jsExpression) may run; default 100 ms. */
  timeoutMs?: number;
  /** Memory one config's expressions may take beyond the scope itself; default 32 MiB. */
  memoryBytes?: number;
  /** QuickJS stack; default 256 KiB, about 1,500 nested calls. */
  stackBytes?: number;
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

const MiB = 1024 * 1024;
const DEFAULT_LIMITS: SandboxLimits = { timeoutMs: 100, memoryBytes: 32 * MiB, stackBytes: 256 * 1024 };
/** Longest expression text quoted in a message. */
const MAX_SHOWN_LENGTH = 120;

/**
 * Starts (or reuses) the process's sandbox thread and returns an evaluator bound to the limits.
 * Each call to `evaluateConfig`/`evaluateValue` that holds an expression gets a fresh QuickJS
 * runtime, shared by that call's expressions in config order and disposed after; a value without
 * expression objects is returned as it is, without touching the sandbox.
 *
 * @example
 * const expressions = await createExpressionEvaluator();
 * await expressions.evaluateConfig({ to: { kind: "templateExpression", expression: "{{nodes.start.email}}" } }, { nodes: { start: { email: "ada@acme.example" } } });
 * // { to: "ada@acme.example" }
 */
export async function createExpressionEvaluator(options: ExpressionEvaluatorOptions = {}): Promise<ExpressionEvaluator> {
  const limits: SandboxLimits = {
    timeoutMs: options.timeoutMs ?? DEFAULT_LIMITS.timeoutMs,
    memoryBytes: options.memoryBytes ?? DEFAULT_LIMITS.memoryBytes,
    stackBytes: options.stackBytes ?? DEFAULT_LIMITS.stackBytes,
  };
  const host = sharedSandboxHost(nativeStackMb(limits.stackBytes));
  await host.start(limits.memoryBytes);

  const inSession = <T>(value: unknown, scope: ExpressionScope, work: (evaluate: EvaluateCode) => Promise<T>) =>
    host.session(JSON.stringify(narrowScope(scope, value)), limits, work);

  return {
    async evaluateValue(value, scope) {
      if (!containsExpression(value)) return value;
      return inSession(value, scope, (evaluate) => computeValue(value, "", { evaluate, limits }));
    },
    async evaluateConfig(config, scope) {
      if (!containsExpression(Object.values(config))) return config;
      return inSession(Object.values(config), scope, (evaluate) => computeFields(config, "", { evaluate, limits }));
    },
  };
}

interface Session {
  evaluate: EvaluateCode;
  limits: SandboxLimits;
}

/**
 * QuickJS counts its stack in WebAssembly memory, but the calls themselves run on the thread's
 * native stack, which fills much faster: 512 KiB of QuickJS stack needed a 16 MB thread to stop
 * deep parser recursion cleanly. Twice that ratio keeps overflows inside QuickJS.
 */
function nativeStackMb(stackBytes: number): number {
  return Math.max(16, Math.ceil((stackBytes * 64) / MiB));
}

function containsExpression(value: unknown): boolean {
  return expressionsIn(value).length > 0;
}

function expressionsIn(value: unknown): ExpressionObject[] {
  if (isExpressionObject(value)) return [value];
  if (Array.isArray(value)) return value.flatMap(expressionsIn);
  if (isRecord(value)) return Object.values(value).flatMap(expressionsIn);
  return [];
}

/** The scope with only the entries of its records (`nodes`) that the value's expressions name. */
function narrowScope(scope: ExpressionScope, value: unknown): Record<string, unknown> {
  const codes = expressionsIn(value).flatMap(expressionSources);
  const recordNames = Object.keys(scope).filter((name) => isRecord(scope[name]));
  const needs = neededEntries(codes, recordNames);
  return Object.fromEntries(
    Object.entries(scope).map(([name, entries]) => {
      const needed = needs.get(name);
      if (!needed || needed === "all" || !isRecord(entries)) return [name, entries];
      return [name, Object.fromEntries(Object.entries(entries).filter(([key]) => needed.has(key)))];
    }),
  );
}

async function computeValue(value: unknown, path: string, session: Session): Promise<unknown> {
  if (isExpressionObject(value)) return computeExpression(value, path, session);
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const [index, item] of value.entries()) items.push(await computeValue(item, joinPath(path, index), session));
    return items;
  }
  if (isRecord(value)) return computeFields(value, path, session);
  return value;
}

async function computeFields(record: Record<string, unknown>, path: string, session: Session): Promise<Record<string, unknown>> {
  const entries: Array<[string, unknown]> = [];
  for (const [key, item] of Object.entries(record)) entries.push([key, await computeValue(item, joinPath(path, key), session)]);
  // fromEntries defines keys, so a field named "__proto__" stays a field.
  return Object.fromEntries(entries);
}

async function computeExpression(expression: ExpressionObject, path: string, session: Session): Promise<unknown> {
  const source = expression.expression;
  const run = (code: string, shown: string) => computeSegment(code, shown, { path, source, session });
  if (expression.instructTo === "ai") {
    throw new ExpressionError("AI-filled values are not supported: replace the instruction with an expression or a fixed value", path, source);
  }
  if (expression.kind === "jsExpression") return run(source, source);
  const parts = parseTemplate(source);
  if (isSingleSegment(parts)) {
    const code = parts.find((part) => part.kind === "code")!.code;
    return run(code, `{{${code}}}`);
  }
  let text = "";
  for (const part of parts) text += part.kind === "text" ? part.text : interpolate(await run(part.code, `{{${part.code}}}`));
  return text;
}

async function computeSegment(code: string, shown: string, at: { path: string; source: string; session: Session }): Promise<unknown> {
  const fail = (problem: string) => new ExpressionError(`Expression ${abbreviate(shown)} ${problem}`, at.path, at.source);
  const syntaxError = expressionSyntaxError(code);
  if (syntaxError !== null) throw fail(`is not valid JavaScript: ${syntaxError}`);
  const outcome = await at.session.evaluate(code);
  if (outcome.kind === "value") return outcome.json === undefined ? undefined : JSON.parse(outcome.json);
  throw fail(describeFailure(outcome, at.session.limits));
}

function describeFailure(outcome: Exclude<SegmentOutcome, { kind: "value" }>, limits: SandboxLimits): string {
  switch (outcome.kind) {
    case "thrown":
      return `failed: ${outcome.detail}`;
    case "unserializable":
      return `returned ${outcome.detail}, which is not JSON data`;
    case "timeout":
      return `took longer than ${limits.timeoutMs} ms and was stopped`;
    case "memory":
      return `used more than ${formatBytes(limits.memoryBytes)} and was stopped`;
    case "stack":
      return "nested calls too deeply (stack overflow) and was stopped";
    case "crashed":
      return `crashed the sandbox (${outcome.detail}) and was stopped`;
  }
}

/** How a value reads inside mixed template text: objects as JSON, missing values as nothing. */
function interpolate(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function joinPath(path: string, key: string | number): string {
  return path === "" ? String(key) : `${path}.${key}`;
}

function abbreviate(text: string): string {
  return text.length > MAX_SHOWN_LENGTH ? `${text.slice(0, MAX_SHOWN_LENGTH)}…` : text;
}

function formatBytes(bytes: number): string {
  if (bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
