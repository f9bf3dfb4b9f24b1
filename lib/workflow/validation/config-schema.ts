import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import { isExpressionObject, stableStringify } from "@/lib/contract";
import { acceptExpressions, ACCEPTS_EXPRESSION, EXPRESSION_KEYWORD } from "./expression-schema";

/** Where a config breaks its schema: dotted path (`mappings.0.name`) and what is wrong there. */
export interface ConfigProblem {
  path: string;
  message: string;
}

type Check = { ok: true; validate: ValidateFunction } | { ok: false; message: string };

// Manifests use formats and keywords of their own, so unknown ones are accepted (as the server's
// connector check does). `verbose` exposes parentSchema, which tells the transform's errors apart.
function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, verbose: true });
  ajv.addKeyword({ keyword: EXPRESSION_KEYWORD, schemaType: "boolean", validate: (_: boolean, data: unknown) => isExpressionObject(data) });
  return ajv;
}

let ajv = createAjv();
const bySchema = new WeakMap<object, Check>();
// The server rebuilds integration objects per request, so equal schemas are also found by their
// text with sorted keys (the same schema written in another key order is the same validator).
const MAX_BY_TEXT = 500;
let byText = new Map<string, Check>();

function checkFor(schema: Record<string, unknown>): Check {
  const known = bySchema.get(schema);
  if (known) return known;
  const text = stableStringify(schema);
  let check = byText.get(text);
  if (!check) {
    if (byText.size >= MAX_BY_TEXT) {
      // Ajv keeps every compiled schema; starting over bounds memory for long-lived servers.
      ajv = createAjv();
      byText = new Map();
    }
    try {
      check = { ok: true, validate: ajv.compile(acceptExpressions(schema)) };
    } catch (error) {
      check = { ok: false, message: (error as Error).message };
    }
    byText.set(text, check);
  }
  bySchema.set(schema, check);
  return check;
}

/**
 * Checks a config against an action's JSON Schema, any expression object standing in for any
 * value. Returns the problems in ajv's order, or `{ unusable }` when the schema does not compile.
 * @example configProblems({ required: ["url"], properties: { url: { type: "string" } } }, {}) // [{ path: "url", message: "Required" }]
 */
export function configProblems(schema: Record<string, unknown>, config: Record<string, unknown>): ConfigProblem[] | { unusable: string } {
  const check = checkFor(schema);
  if (!check.ok) return { unusable: check.message };
  if (check.validate(config)) return [];
  const problems: ConfigProblem[] = [];
  for (const error of check.validate.errors ?? []) {
    if (error.keyword === EXPRESSION_KEYWORD || (error.parentSchema as Record<string, unknown> | undefined)?.[ACCEPTS_EXPRESSION]) continue;
    problems.push(toProblem(error));
  }
  return problems;
}

function toProblem(error: ErrorObject): ConfigProblem {
  const base = error.instancePath.split("/").slice(1).map(unescapePointer);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return { path: [...base, params.missingProperty].join("."), message: "Required" };
    case "additionalProperties":
      return { path: [...base, params.additionalProperty].join("."), message: "Unknown field: this action does not take it" };
    case "enum":
      return { path: base.join("."), message: `must be one of: ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(", ")}` };
    default:
      return { path: base.join("."), message: error.message ?? "Invalid value" };
  }
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}
