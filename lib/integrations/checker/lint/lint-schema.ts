import { createBoundedAjv } from "../../bounded-ajv";
import { finding } from "../codes";
import { jsonPath, type Segment } from "../json-path";
import type { Finding } from "../types";
import { EXPRESSION_REF, withExpressionDefinition } from "./lint-refs";

/**
 * Forms' schemas compiled with the form validator's settings (components/forms/validator.ts:
 * manifests use formats and keywords of their own), bounded: a server linting manifests all day
 * must not keep each one. Exported for the bound's test.
 */
export const formSchemas = createBoundedAjv();

/**
 * A form's JSON Schema must compile, or no config can be validated against it and the form
 * reports nothing. References are `lint-refs.ts`'s business, so a compile that fails only on an
 * unresolved `$ref` is not reported twice; `#/definitions/expression` is supplied as Relay does.
 */
export function lintSchemaCompiles(schema: Record<string, unknown>, at: Segment[]): Finding[] {
  const compiled = formSchemas.compile(withExpressionDefinition(schema));
  if (compiled.ok) return [];
  const { message } = compiled.error;
  if (/can't resolve reference|could not resolve|\$ref/i.test(message)) return [];
  return [
    finding("schema.invalid", jsonPath(at), `The JSON Schema does not compile (${message}), so no value can be validated against it.`, `Fix the schema; ${EXPRESSION_REF} needs no definition.`),
  ];
}
