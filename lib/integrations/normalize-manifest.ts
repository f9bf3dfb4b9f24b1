import type { Integration, IntegrationCategory, ManifestAutocomplete, ManifestDynamicSchema } from "@/lib/contract";
import type { FetchedManifest } from "./fetch-manifest";
import { legacyModelExtractors } from "./legacy-model-extractors";

/** What the registry knows about an integration besides its manifest. */
export interface NormalizeManifestMeta {
  slug: string;
  /** Default `custom`. */
  category?: IntegrationCategory;
}

/**
 * Turns a manifest of either layout into the one `Integration` view the app works with:
 * capabilities keyed by slug, missing maps as `{}`, `users` null when absent. Legacy arrays become
 * maps by `slug` (later duplicates win) and the legacy `model` becomes extractors (see
 * `legacyModelExtractors`). The result is a copy: callers may change it without touching the cache.
 * @example
 * const integration = normalizeManifest(await fetchManifest(baseUrl), { slug: "demo-crm" });
 */
export function normalizeManifest(fetched: FetchedManifest, meta: NormalizeManifestMeta): Integration {
  const copy = structuredClone(fetched);
  const { manifest } = copy;
  const common = {
    slug: meta.slug,
    kind: "custom" as const,
    category: meta.category ?? "custom",
    name: manifest.name,
    description: manifest.description,
    icon: manifest.icon,
    color: manifest.color,
    url: manifest.url,
    layout: copy.layout,
    connector: manifest.connector,
    users: manifest.users ?? null,
    actions: manifest.actions,
  };
  if (copy.layout === "seed") {
    const { extractors = {}, autocompletes = {}, dynamicSchemas = {} } = copy.manifest;
    return { ...common, extractors, autocompletes, dynamicSchemas };
  }
  return {
    ...common,
    extractors: legacyModelExtractors(copy.manifest),
    autocompletes: bySlug<ManifestAutocomplete>(copy.manifest.autocompletes),
    dynamicSchemas: bySlug<ManifestDynamicSchema>(copy.manifest.dynamicSchemas),
  };
}

function bySlug<V>(items: ReadonlyArray<{ slug: string } & V>): Record<string, V> {
  return Object.fromEntries(items.map(({ slug, ...rest }) => [slug, rest as V]));
}
