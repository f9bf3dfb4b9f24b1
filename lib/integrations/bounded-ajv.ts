import { createHash } from "node:crypto";
import Ajv, { type Options, type ValidateFunction } from "ajv";
import { stableStringify } from "@/lib/contract";

/**
 * The most distinct schemas one compiler keeps compiled. Ajv keeps every schema it compiles, for
 * the life of its instance; past this the instance and the caches start over, so a long-lived
 * server (or a checker linting manifests all day) holds a bounded number of them.
 */
export const MAX_COMPILED_SCHEMAS = 500;

/** A schema compiled, or why it does not compile. */
export type CompiledSchema = { ok: true; validate: ValidateFunction } | { ok: false; error: Error };

/** Compiles JSON Schemas with a bounded cache; see {@link createBoundedAjv}. */
export interface BoundedAjv {
  /** The schema's validator (or compile error), compiled once per distinct schema text. */
  compile(schema: Record<string, unknown>): CompiledSchema;
  /** How many distinct schemas are held compiled now (at most `max`). */
  readonly size: number;
}

/**
 * An Ajv that compiles manifests' schemas the way every part of Relay does (formats and unknown
 * keywords do not fail a compile; a schema's `$id` is not registered, so a manifest that changes a
 * schema under the same id still compiles), extended by `options`, and forgets them past `max`.
 * An equal schema in a new object (a refetched manifest, a decorated copy) is found by a hash of
 * its text with sorted keys; the same object skips the hashing.
 * @example const schemas = createBoundedAjv({ allErrors: true }); const compiled = schemas.compile(jsonSchema);
 */
export function createBoundedAjv(options: Options = {}, max = MAX_COMPILED_SCHEMAS): BoundedAjv {
  const create = () => new Ajv({ strict: false, validateFormats: false, addUsedSchema: false, ...options });
  let ajv = create();
  let byHash = new Map<string, CompiledSchema>();
  let byObject = new WeakMap<object, CompiledSchema>();
  return {
    compile(schema) {
      const known = byObject.get(schema);
      if (known) return known;
      const hash = createHash("sha256").update(stableStringify(schema)).digest("base64url");
      let compiled = byHash.get(hash);
      if (!compiled) {
        if (byHash.size >= max) {
          ajv = create();
          byHash = new Map();
          // A validator of the old instance would keep all of it alive.
          byObject = new WeakMap();
        }
        compiled = compileWith(ajv, schema);
        byHash.set(hash, compiled);
      }
      byObject.set(schema, compiled);
      return compiled;
    },
    get size() {
      return byHash.size;
    },
  };
}

function compileWith(ajv: Ajv, schema: Record<string, unknown>): CompiledSchema {
  try {
    return { ok: true, validate: ajv.compile(schema) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
  }
}
