import { createHash } from "node:crypto";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import { stableStringify, type Problem } from "@/lib/contract";
import { AppError } from "./errors";

/**
 * The most distinct schemas kept compiled. Ajv keeps every schema it compiles, so past this the
 * instance and its cache start over, and memory stays bounded in a long-lived server.
 */
const MAX_COMPILED = 500;

// Manifests use formats and keywords of their own ("password", "#/definitions/expression"), so
// unknown formats are accepted and the check sticks to types, enums and required fields. A
// schema's `$id` is not registered, so a manifest that changes a schema under the same id still compiles.
const createAjv = () => new Ajv({ allErrors: true, strict: false, validateFormats: false, addUsedSchema: false });

let ajv = createAjv();
let byHash = new Map<string, ValidateFunction>();
// The integration registry builds its objects per request, so an equal schema is usually a new
// object: it is found by a hash of its text with sorted keys, the object only saves the hashing.
const byObject = new WeakMap<object, ValidateFunction>();

/** Validates values against a manifest's JSON Schema; throws 400 with every problem. */
export function validateAgainstSchema(what: string, schema: Record<string, unknown>, value: unknown): void {
  const validate = validatorFor(what, schema);
  if (validate(value)) return;
  const problems = (validate.errors ?? []).map(toProblem);
  throw new AppError("bad_request:input", `Invalid ${what}: ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`, { problems });
}

function validatorFor(what: string, schema: Record<string, unknown>): ValidateFunction {
  const known = byObject.get(schema);
  if (known) return known;
  const hash = createHash("sha256").update(stableStringify(schema)).digest("base64url");
  let validate = byHash.get(hash);
  if (!validate) {
    if (byHash.size >= MAX_COMPILED) {
      ajv = createAjv();
      byHash = new Map();
    }
    try {
      validate = ajv.compile(schema);
    } catch (error) {
      throw new AppError("bad_gateway:integration", `The integration's schema for ${what} cannot be used: ${(error as Error).message}`);
    }
    byHash.set(hash, validate);
  }
  byObject.set(schema, validate);
  return validate;
}

function toProblem(error: ErrorObject): Problem {
  const base = error.instancePath.replace(/^\//, "").replace(/\//g, ".");
  const missing = error.keyword === "required" ? (error.params as { missingProperty: string }).missingProperty : undefined;
  const path = [base, missing].filter(Boolean).join(".") || "(root)";
  return { path, message: missing ? "Required" : (error.message ?? "Invalid value") };
}
