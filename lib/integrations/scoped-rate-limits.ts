import Ajv, { type ValidateFunction } from "ajv";
import { stableStringify, type RateLimit, type ScopedRateLimit } from "@/lib/contract";

/** The most distinct scope schemas kept compiled; past this the instance and its cache start over. */
const MAX_COMPILED = 500;

// As in lib/server/validate-config.ts: manifests carry formats and keywords of their own, so the
// match sticks to types, enums and required fields, and a reused `$id` does not break a compile.
const createAjv = () => new Ajv({ strict: false, validateFormats: false, addUsedSchema: false });

let ajv = createAjv();
let byText = new Map<string, ValidateFunction | null>();
// Manifests are normalized once per fetch, so the same schema object comes back on every call;
// an equal schema in a new object (a refetched manifest) is found by its text.
const byObject = new WeakMap<object, ValidateFunction | null>();

/** A scoped limit that applies to one call, with its place in the manifest's list (part of its bucket's key). */
export interface MatchedRateLimit {
  index: number;
  limit: RateLimit;
}

/**
 * The scoped limits of an action or extractor whose `config.jsonSchema` the call's config matches.
 * A schema that cannot be compiled counts as matching: a limit applied too widely slows calls,
 * one dropped gets them refused.
 * @example matchingRateLimits(action.rateLimits, { objectType: "contacts" }) // [{ index: 0, limit }]
 */
export function matchingRateLimits(limits: readonly ScopedRateLimit[] | undefined, config: Record<string, unknown>): MatchedRateLimit[] {
  if (!limits?.length) return [];
  const matched: MatchedRateLimit[] = [];
  limits.forEach((limit, index) => {
    const validate = validatorFor(limit.config.jsonSchema);
    if (!validate || validate(config)) matched.push({ index, limit: { unit: limit.unit, max: limit.max } });
  });
  return matched;
}

function validatorFor(schema: Record<string, unknown>): ValidateFunction | null {
  const known = byObject.get(schema);
  if (known !== undefined) return known;
  const text = stableStringify(schema);
  let validate = byText.get(text);
  if (validate === undefined) {
    if (byText.size >= MAX_COMPILED) {
      ajv = createAjv();
      byText = new Map();
    }
    try {
      validate = ajv.compile(schema);
    } catch {
      validate = null;
    }
    byText.set(text, validate);
  }
  byObject.set(schema, validate);
  return validate;
}
