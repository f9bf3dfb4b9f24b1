import Ajv from "ajv";
import { isRecord } from "@/lib/contract/is-record";
import { finding } from "../codes";
import { jsonPath, type Segment } from "../json-path";
import type { Finding } from "../types";
import { EXPRESSION_REF } from "./lint-refs";

// The form validator's settings (components/forms/validator.ts): manifests use formats and keywords of their own.
const ajv = new Ajv({ strict: false, validateFormats: false, addUsedSchema: false });

/**
 * A form's JSON Schema must compile, or no config can be validated against it and the form
 * reports nothing. References are `lint-refs.ts`'s business, so a compile that fails only on an
 * unresolved `$ref` is not reported twice; `#/definitions/expression` is supplied as Relay does.
 */
export function lintSchemaCompiles(schema: Record<string, unknown>, at: Segment[]): Finding[] {
  const definitions = isRecord(schema.definitions) ? schema.definitions : {};
  const decorated = "expression" in definitions ? schema : { ...schema, definitions: { ...definitions, expression: {} } };
  try {
    ajv.compile(decorated);
    return [];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/can't resolve reference|could not resolve|\$ref/i.test(message)) return [];
    return [
      finding("schema.invalid", jsonPath(at), `The JSON Schema does not compile (${message}), so no value can be validated against it.`, `Fix the schema; ${EXPRESSION_REF} needs no definition.`),
    ];
  }
}
