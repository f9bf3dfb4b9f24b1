import { detectManifestLayout, IntegrationManifest, LegacyIntegrationManifest } from "@/lib/contract";
import { isRecord } from "@/lib/contract/is-record";
import type { FetchedManifest } from "../../fetch-manifest";
import { finding, sortFindings } from "../codes";
import { contractFindings } from "../contract-findings";
import { jsonPath } from "../json-path";
import type { Finding } from "../types";
import { lintForm } from "./lint-form";
import { lintLegacyModel } from "./lint-model";
import { lintPolicy } from "./lint-policies";
import { lintRefs } from "./lint-refs";
import { lintSchemaCompiles } from "./lint-schema";
import { manifestParts, type ManifestParts } from "./manifest-parts";

/** The static check's result, with what the probes go on from. */
export interface ManifestLint {
  layout: "seed" | "legacy";
  findings: Finding[];
  /** The manifest as the client reads it; null when it fails the contract (then nothing is probed). */
  fetched: FetchedManifest | null;
  parts: ManifestParts;
}

/**
 * Lints a raw `GET /manifest` answer of either layout: the contract's types, then what types
 * cannot say (refs, widgets, slugs, param paths, policies). Errors first.
 * @example lintManifest(await (await fetch(`${baseUrl}/manifest`)).json())
 */
export function lintManifest(manifest: unknown): Finding[] {
  return lintManifestDetailed(manifest).findings;
}

/** `lintManifest` plus the layout, the parsed manifest and its parts. */
export function lintManifestDetailed(manifest: unknown): ManifestLint {
  const layout = detectManifestLayout(manifest);
  const raw = isRecord(manifest) ? manifest : {};
  const parts = manifestParts(raw, layout);
  if (!isRecord(manifest)) {
    const found = finding("manifest.invalid", "$", "The manifest is not a JSON object, so the integration cannot be used.", "Answer GET /manifest with a JSON object (see Cargo's custom-integration docs).");
    return { layout, findings: [found], fetched: null, parts };
  }
  const schema = layout === "legacy" ? LegacyIntegrationManifest : IntegrationManifest;
  const contract = contractFindings<IntegrationManifest | LegacyIntegrationManifest>(schema, manifest, { code: "manifest.invalid", pathOf: jsonPath, subject: "The manifest" });
  const findings: Finding[] = [...contract.findings];
  for (const shadowed of parts.duplicateSlugs) {
    findings.push(finding("manifest.duplicate-slug", jsonPath([...shadowed.path, "slug"]), `"${shadowed.slug}" is declared twice; only the last declaration is used, this one is ignored.`, "Give every entry its own slug, or remove this one."));
  }
  for (const { path, schema: document } of parts.schemas) findings.push(...lintRefs(document, (inner) => jsonPath([...path, ...inner])));
  for (const form of parts.forms) {
    findings.push(...lintSchemaCompiles(form.jsonSchema, [...form.path, "jsonSchema"]));
    findings.push(...lintForm(form, parts).findings);
  }
  for (const policy of parts.policies) findings.push(...lintPolicy(policy));
  if (layout === "legacy") findings.push(...lintLegacyModel(raw.model));
  findings.push(...lintActions(raw.actions), ...unusedAutocompletes(parts));
  const fetched = contract.data ? ({ layout, manifest: contract.data } as FetchedManifest) : null;
  return { layout, findings: sortFindings(findings), fetched, parts };
}

function lintActions(actions: unknown): Finding[] {
  if (!isRecord(actions)) return [];
  return Object.entries(actions).flatMap(([slug, action]) =>
    isRecord(action) && Array.isArray(action.children) && action.children.length === 0
      ? [finding("action.no-children", jsonPath(["actions", slug, "children"]), `"${slug}" declares no outgoing edge, so nothing can follow it in a workflow.`, "Leave `children` out for one unnamed edge, or name at least one.")]
      : [],
  );
}

/**
 * Autocompletes no form uses. A dynamic schema's answer may use them, so this is said only when
 * the manifest has none (the probes then see every form).
 */
function unusedAutocompletes(parts: ManifestParts): Finding[] {
  if (parts.dynamicSchemas.size > 0) return [];
  const used = new Set(parts.forms.flatMap((form) => lintForm(form, parts).usedSlugs));
  return [...parts.autocompletes.values()]
    .filter((entry) => !used.has(entry.slug))
    .map((entry) => finding("autocomplete.unused", jsonPath(entry.path), `No form uses the autocomplete "${entry.slug}".`, "Reference it from a field's `ui:options.slug`, or remove it."));
}
