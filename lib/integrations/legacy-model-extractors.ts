import { isRecord } from "@/lib/contract/is-record";
import type { ConfigSchema, JsonSchema, LegacyIntegrationManifest, LegacyManifestModel, ManifestExtractor } from "@/lib/contract";

/** The config field that carries the legacy model slug: the object type the user picks. */
export const LEGACY_MODEL_SLUG_FIELD = "slug";

/**
 * The extractor slug of the legacy model variant at `index`: the first is `model`, the next ones
 * `model_1`, `model_2`… so a server that adds a variant keeps its existing extractor's slug.
 */
export function legacyModelExtractorSlug(index: number): string {
  return index === 0 ? "model" : `model_${index}`;
}

/**
 * The legacy `model` as extractors, one per variant. Each variant's config form gains a required
 * `slug` field, first in the form, built from `model.slug` (narrowed to the variant's
 * `condition.slugs`), so the object type is picked and validated like any other config value; the
 * client moves it back into the body's `slug` on `/model/fetch` and `/model/count`.
 */
export function legacyModelExtractors(manifest: LegacyIntegrationManifest): Record<string, ManifestExtractor> {
  const model = manifest.model;
  if (!model) return {};
  const several = model.variants.length > 1;
  return Object.fromEntries(
    model.variants.map((variant, index) => {
      const { condition, config, ...policies } = variant;
      const slugs = condition?.slugs;
      const name = !several ? manifest.name : slugs ? `${manifest.name}: ${slugs.join(", ")}` : `${manifest.name} (variant ${index + 1})`;
      const extractor: ManifestExtractor = {
        ...policies,
        name,
        description: manifest.description,
        config: withSlugField(config, model.slug, slugs),
      };
      return [legacyModelExtractorSlug(index), extractor];
    }),
  );
}

function withSlugField(config: ConfigSchema, slugForm: LegacyManifestModel["slug"], allowed: string[] | undefined): ConfigSchema {
  const schema = config.jsonSchema;
  const { [LEGACY_MODEL_SLUG_FIELD]: _shadowed, ...properties } = isRecord(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required.filter((key) => key !== LEGACY_MODEL_SLUG_FIELD) : [];
  const order = config.uiSchema["ui:order"];
  return {
    ...config,
    jsonSchema: {
      ...schema,
      type: "object",
      properties: { [LEGACY_MODEL_SLUG_FIELD]: slugProperty(slugForm.jsonSchema, allowed), ...properties },
      required: [LEGACY_MODEL_SLUG_FIELD, ...required],
    },
    uiSchema: {
      ...config.uiSchema,
      [LEGACY_MODEL_SLUG_FIELD]: slugForm.uiSchema,
      // rjsf rejects a ui:order that leaves out a property and has no "*".
      ...(Array.isArray(order) && !order.includes(LEGACY_MODEL_SLUG_FIELD) && { "ui:order": [LEGACY_MODEL_SLUG_FIELD, ...order] }),
    },
  };
}

function slugProperty(schema: JsonSchema, allowed: string[] | undefined): JsonSchema {
  const property = { title: "Object", ...schema };
  if (!allowed) return property;
  const values = Array.isArray(schema.enum) ? schema.enum.filter((value) => allowed.includes(value as string)) : allowed;
  const options = Array.isArray(schema.oneOf)
    ? schema.oneOf.filter((option) => !isRecord(option) || !("const" in option) || allowed.includes(option.const as string))
    : undefined;
  return { ...property, enum: values, ...(options && { oneOf: options }) };
}
