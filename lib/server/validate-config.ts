import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import type { Problem } from "@/lib/contract";
import { AppError } from "./errors";

// Manifests use formats and keywords of their own ("password", "#/definitions/expression"), so
// unknown formats are accepted and the check sticks to types, enums and required fields.
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const compiled = new WeakMap<object, ValidateFunction>();

/** Validates values against a manifest's JSON Schema; throws 400 with every problem. */
export function validateAgainstSchema(what: string, schema: Record<string, unknown>, value: unknown): void {
  let validate = compiled.get(schema);
  if (!validate) {
    try {
      validate = ajv.compile(schema);
    } catch (error) {
      throw new AppError("bad_gateway:integration", `The integration's schema for ${what} cannot be used: ${(error as Error).message}`);
    }
    compiled.set(schema, validate);
  }
  if (validate(value)) return;
  const problems = (validate.errors ?? []).map(toProblem);
  throw new AppError("bad_request:input", `Invalid ${what}: ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`, { problems });
}

function toProblem(error: ErrorObject): Problem {
  const base = error.instancePath.replace(/^\//, "").replace(/\//g, ".");
  const missing = error.keyword === "required" ? (error.params as { missingProperty: string }).missingProperty : undefined;
  const path = [base, missing].filter(Boolean).join(".") || "(root)";
  return { path, message: missing ? "Required" : (error.message ?? "Invalid value") };
}
