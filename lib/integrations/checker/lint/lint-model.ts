import { isRecord } from "@/lib/contract/is-record";
import { finding } from "../codes";
import { jsonPath } from "../json-path";
import type { Finding } from "../types";

/**
 * The legacy `model`: each variant's `condition.slugs` must be object types the model's slug form
 * offers (else that variant can never be picked), and a variant without a condition serves every
 * slug, so the ones after it are never reached.
 */
export function lintLegacyModel(model: unknown): Finding[] {
  if (!isRecord(model) || !Array.isArray(model.variants)) return [];
  const offered = offeredSlugs(isRecord(model.slug) ? model.slug.jsonSchema : undefined);
  const findings: Finding[] = [];
  let catchAll: number | undefined;
  model.variants.forEach((variant, index) => {
    if (!isRecord(variant)) return;
    if (catchAll !== undefined) {
      findings.push(finding("model.unreachable-variant", jsonPath(["model", "variants", index]), `Variant ${index} is never used: variant ${catchAll} has no condition and serves every object type first.`, `Give variant ${catchAll} a \`condition.slugs\`, or move it last.`));
      return;
    }
    const slugs = isRecord(variant.condition) && Array.isArray(variant.condition.slugs) ? variant.condition.slugs : undefined;
    if (!slugs) {
      catchAll = index;
      return;
    }
    slugs.forEach((slug, slugIndex) => {
      if (offered && !offered.includes(slug)) {
        findings.push(
          finding("model.unknown-condition-slug", jsonPath(["model", "variants", index, "condition", "slugs", slugIndex]), `Variant ${index} serves "${String(slug)}", an object type the model's slug form does not offer, so it can never be picked.`, `Use one of ${offered.map((s) => JSON.stringify(s)).join(", ")}, or add "${String(slug)}" to \`model.slug.jsonSchema\`.`),
        );
      }
    });
  });
  return findings;
}

/** The values a slug schema allows (`enum` or `oneOf` consts); undefined when it is open. */
function offeredSlugs(schema: unknown): unknown[] | undefined {
  if (!isRecord(schema)) return undefined;
  if (Array.isArray(schema.enum)) return schema.enum;
  if (Array.isArray(schema.oneOf)) return schema.oneOf.filter(isRecord).map((option) => option.const);
  return undefined;
}
