import { isRecord } from "@/lib/contract/is-record";
import type { Segment } from "../json-path";

type Json = Record<string, unknown>;

/** A `{jsonSchema, uiSchema}` form of the manifest and where it is. */
export interface FormPart {
  path: Segment[];
  jsonSchema: Json;
  uiSchema: Json;
  /** False for the connector's own form: no connector exists yet to call data-bound widgets with. */
  hasConnector: boolean;
}

/** An autocomplete or dynamic schema: its slug, its declaration's path and its params schema. */
export interface SlugEntry {
  slug: string;
  path: Segment[];
  paramsSchema: Json;
}

/** A retry policy or rate limit of the manifest. */
export interface PolicyPart {
  path: Segment[];
  kind: "retry" | "rateLimit" | "scopedRateLimit";
  value: Json;
}

/** The parts of a manifest the lint walks, found the same way in both layouts. */
export interface ManifestParts {
  layout: "seed" | "legacy";
  forms: FormPart[];
  autocompletes: Map<string, SlugEntry>;
  dynamicSchemas: Map<string, SlugEntry>;
  /** Legacy list entries whose slug an earlier entry already has. */
  duplicateSlugs: SlugEntry[];
  policies: PolicyPart[];
  /** Every JSON Schema document, for `$ref` resolution: forms, params, scoped limits. */
  schemas: Array<{ path: Segment[]; schema: Json }>;
}

const entries = (value: unknown): Array<[string, Json]> =>
  isRecord(value) ? Object.entries(value).filter((entry): entry is [string, Json] => isRecord(entry[1])) : [];

/**
 * Collects a raw manifest's forms, capabilities and policies, reading defensively: a part of the
 * wrong shape is skipped here (the contract schema reports it), so the rest is still linted.
 */
export function manifestParts(manifest: Json, layout: "seed" | "legacy"): ManifestParts {
  const parts: ManifestParts = { layout, forms: [], autocompletes: new Map(), dynamicSchemas: new Map(), duplicateSlugs: [], policies: [], schemas: [] };
  const form = (path: Segment[], config: unknown, hasConnector = true) => {
    if (!isRecord(config) || !isRecord(config.jsonSchema)) return;
    parts.forms.push({ path, jsonSchema: config.jsonSchema, uiSchema: isRecord(config.uiSchema) ? config.uiSchema : {}, hasConnector });
    parts.schemas.push({ path: [...path, "jsonSchema"], schema: config.jsonSchema });
  };
  const policiesOf = (path: Segment[], owner: Json, polling: "executing" | "fetching") => {
    if (isRecord(owner.retry)) parts.policies.push({ path: [...path, "retry"], kind: "retry", value: owner.retry });
    const poll = owner[polling];
    if (isRecord(poll) && isRecord(poll.retry)) parts.policies.push({ path: [...path, polling, "retry"], kind: "retry", value: poll.retry });
    if (Array.isArray(owner.rateLimits)) {
      owner.rateLimits.forEach((limit, index) => {
        if (!isRecord(limit)) return;
        parts.policies.push({ path: [...path, "rateLimits", index], kind: "scopedRateLimit", value: limit });
        if (isRecord(limit.config) && isRecord(limit.config.jsonSchema)) {
          parts.schemas.push({ path: [...path, "rateLimits", index, "config", "jsonSchema"], schema: limit.config.jsonSchema });
        }
      });
    }
  };

  const connector = isRecord(manifest.connector) ? manifest.connector : {};
  form(["connector", "config"], connector.config, false);
  if (isRecord(connector.rateLimit)) parts.policies.push({ path: ["connector", "rateLimit"], kind: "rateLimit", value: connector.rateLimit });
  if (isRecord(manifest.users)) form(["users", "config"], manifest.users.config);
  for (const [slug, action] of entries(manifest.actions)) {
    form(["actions", slug, "config"], action.config);
    policiesOf(["actions", slug], action, "executing");
  }
  if (layout === "seed") {
    for (const [slug, extractor] of entries(manifest.extractors)) {
      form(["extractors", slug, "config"], extractor.config);
      policiesOf(["extractors", slug], extractor, "fetching");
    }
    for (const kind of ["autocompletes", "dynamicSchemas"] as const) {
      for (const [slug, entry] of entries(manifest[kind])) addSlug(parts, kind, { slug, path: [kind, slug], paramsSchema: paramsOf(entry) });
    }
  } else {
    const model = isRecord(manifest.model) ? manifest.model : undefined;
    if (model) {
      form(["model", "slug"], model.slug);
      (Array.isArray(model.variants) ? model.variants : []).forEach((variant, index) => {
        if (!isRecord(variant)) return;
        form(["model", "variants", index, "config"], variant.config);
        policiesOf(["model", "variants", index], variant, "fetching");
      });
    }
    if (isRecord(manifest.agent) && isRecord(manifest.agent.deployment)) form(["agent", "deployment", "config"], manifest.agent.deployment.config);
    for (const kind of ["autocompletes", "dynamicSchemas"] as const) {
      (Array.isArray(manifest[kind]) ? manifest[kind] : []).forEach((entry, index) => {
        if (isRecord(entry) && typeof entry.slug === "string") addSlug(parts, kind, { slug: entry.slug, path: [kind, index], paramsSchema: paramsOf(entry) });
      });
    }
  }
  for (const map of [parts.autocompletes, parts.dynamicSchemas]) {
    for (const entry of map.values()) parts.schemas.push({ path: [...entry.path, "params", "jsonSchema"], schema: entry.paramsSchema });
  }
  return parts;
}

function paramsOf(entry: Json): Json {
  return isRecord(entry.params) && isRecord(entry.params.jsonSchema) ? entry.params.jsonSchema : {};
}

function addSlug(parts: ManifestParts, kind: "autocompletes" | "dynamicSchemas", entry: SlugEntry) {
  const map = kind === "autocompletes" ? parts.autocompletes : parts.dynamicSchemas;
  // The client keeps the last of equal slugs (normalize-manifest.ts), so the later one is what runs.
  if (map.has(entry.slug)) parts.duplicateSlugs.push(map.get(entry.slug)!);
  map.set(entry.slug, entry);
}
