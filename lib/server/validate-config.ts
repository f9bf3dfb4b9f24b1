import type { ErrorObject, ValidateFunction } from "ajv";
import type { Problem } from "@/lib/contract";
import { createBoundedAjv } from "@/lib/integrations/bounded-ajv";
import { AppError, invalidInput } from "./errors";

// Manifests use formats and keywords of their own ("password", "#/definitions/expression"), so
// the check sticks to types, enums and required fields (createBoundedAjv's settings), every error listed.
const schemas = createBoundedAjv({ allErrors: true });

/** Validates values against a manifest's JSON Schema; throws 400 with every problem. */
export function validateAgainstSchema(what: string, schema: Record<string, unknown>, value: unknown): void {
  const validate = validatorFor(what, schema);
  if (validate(value)) return;
  const problems = (validate.errors ?? []).map(toProblem);
  throw invalidInput(what, problems);
}

function validatorFor(what: string, schema: Record<string, unknown>): ValidateFunction {
  const compiled = schemas.compile(schema);
  if (!compiled.ok) throw new AppError("bad_gateway:integration", `The integration's schema for ${what} cannot be used: ${compiled.error.message}`);
  return compiled.validate;
}

function toProblem(error: ErrorObject): Problem {
  const base = error.instancePath.replace(/^\//, "").replace(/\//g, ".");
  const missing = error.keyword === "required" ? (error.params as { missingProperty: string }).missingProperty : undefined;
  const path = [base, missing].filter(Boolean).join(".") || "(root)";
  return { path, message: missing ? "Required" : (error.message ?? "Invalid value") };
}
