import type { RateLimit, ScopedRateLimit } from "@/lib/contract";
import { createBoundedAjv } from "./bounded-ajv";

// As in lib/server/validate-config.ts: manifests carry formats and keywords of their own, so the
// match sticks to types, enums and required fields, and a reused `$id` does not break a compile.
// Manifests are normalized once per fetch, so the same schema object usually comes back.
const scopeSchemas = createBoundedAjv();

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
    const compiled = scopeSchemas.compile(limit.config.jsonSchema);
    if (!compiled.ok || compiled.validate(config)) matched.push({ index, limit: { unit: limit.unit, max: limit.max } });
  });
  return matched;
}

/**
 * Whether a scoped limit's schema compiles as {@link matchingRateLimits} compiles it; one that
 * does not applies to every call. The contract checker says so with the same judgement.
 */
export function scopeSchemaCompiles(schema: Record<string, unknown>): boolean {
  return scopeSchemas.compile(schema).ok;
}

/** How many scope schemas are held compiled now; bounded, for the bound's test. */
export function compiledScopeSchemas(): number {
  return scopeSchemas.size;
}
