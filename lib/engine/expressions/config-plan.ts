import { isRecord } from "@/lib/contract/is-record";
import { isExpressionObject, type ExpressionObject } from "@/lib/contract";
import { parseExpression, type ParsedExpression } from "@/lib/workflow/expressions/parse-expression";
import { isSingleSegment, parseTemplate } from "@/lib/workflow/expressions/template";

/** One `{{ }}` segment or jsExpression of a config: the unit that runs, and that limits count. */
export interface Segment {
  code: string;
  /** How messages quote it: `{{code}}`, or a jsExpression's text. */
  shown: string;
  /** The config path of its expression object ("fields.email", "" for the root). */
  path: string;
  /** Its expression object's whole text. */
  source: string;
  parsed: ParsedExpression;
  /** Set when the expression object may not be computed at all (AI-filled values). */
  refusal?: string;
}

/** How an expression object's value comes from its segments' values. */
type Composition = { kind: "value"; segment: number } | { kind: "text"; parts: Array<string | number> };

/** A config's (or value's) segments in config order, and how to put their values back in place. */
export interface ConfigPlan {
  /** Whether the value holds any expression object (one without `{{ }}` still becomes text). */
  hasExpressions: boolean;
  segments: Segment[];
  /** The config with every expression object replaced by its value; `values` are by segment index. */
  assemble(values: unknown[]): unknown;
}

const AI_REFUSAL = "AI-filled values are not supported: replace the instruction with an expression or a fixed value";

/**
 * Lists the segments of every expression object in `value`, depth first in key order (the order
 * in which they run, and in which the first failure is reported). With `asFields` the root is a
 * record of fields even if it looks like an expression object.
 */
export function planConfig(value: unknown, asFields: boolean): ConfigPlan {
  const segments: Segment[] = [];
  const compositions: Composition[] = [];
  const add = (segment: Omit<Segment, "parsed">) => {
    const parsed: ParsedExpression = segment.refusal === undefined ? parseExpression(segment.code) : { ok: false, message: segment.refusal };
    return segments.push({ ...segment, parsed }) - 1;
  };

  const plan = (expression: ExpressionObject, path: string): Composition => {
    const source = expression.expression;
    if (expression.instructTo === "ai") return { kind: "value", segment: add({ code: source, shown: source, path, source, refusal: AI_REFUSAL }) };
    if (expression.kind === "jsExpression") return { kind: "value", segment: add({ code: source, shown: source, path, source }) };
    const parts = parseTemplate(source);
    const segmentOf = (code: string) => add({ code, shown: `{{${code}}}`, path, source });
    if (isSingleSegment(parts)) return { kind: "value", segment: segmentOf(parts.find((part) => part.kind === "code")!.code) };
    return { kind: "text", parts: parts.map((part) => (part.kind === "text" ? part.text : segmentOf(part.code))) };
  };
  const collect = (item: unknown, path: string, fields: boolean): void => {
    if (!fields && isExpressionObject(item)) compositions.push(plan(item, path));
    else if (Array.isArray(item)) item.forEach((child, index) => collect(child, joinPath(path, index), false));
    else if (isRecord(item)) for (const [key, child] of Object.entries(item)) collect(child, joinPath(path, key), false);
  };
  collect(value, "", asFields);

  return {
    hasExpressions: compositions.length > 0,
    segments,
    assemble(values) {
      let next = 0;
      const build = (item: unknown, fields: boolean): unknown => {
        if (!fields && isExpressionObject(item)) return compose(compositions[next++]!, values);
        if (Array.isArray(item)) return item.map((child) => build(child, false));
        // fromEntries defines keys, so a field named "__proto__" stays a field.
        if (isRecord(item)) return Object.fromEntries(Object.entries(item).map(([key, child]) => [key, build(child, false)]));
        return item;
      };
      return build(value, asFields);
    },
  };
}

function compose(composition: Composition, values: unknown[]): unknown {
  if (composition.kind === "value") return values[composition.segment];
  return composition.parts.map((part) => (typeof part === "string" ? part : interpolate(values[part]))).join("");
}

/** How a value reads inside mixed template text: objects as JSON, missing values as nothing. */
function interpolate(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function joinPath(path: string, key: string | number): string {
  return path === "" ? String(key) : `${path}.${key}`;
}
