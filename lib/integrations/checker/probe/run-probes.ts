import type { FetchedManifest } from "../../fetch-manifest";
import { legacyModelExtractorSlug } from "../../legacy-model-extractors";
import { normalizeManifest } from "../../normalize-manifest";
import type { ManifestParts } from "../lint/manifest-parts";
import type { Segment } from "../json-path";
import { probeAuthenticate } from "./probe-authenticate";
import type { ProbeContext } from "./probe-context";
import { probeDataBound } from "./probe-data-bound";
import { probeExecute } from "./probe-execute";
import { probeExtractors, type ExtractorToProbe } from "./probe-extractors";
import { probeListUsers } from "./probe-list-users";

/**
 * Every probe: authenticate (a refusal stops the rest), the forms' autocompletes and dynamic
 * schemas, listUsers, the action when one was asked for, then each extractor's count and pages.
 * The action comes before the extractors, which may take up to 50 pages each: what was asked
 * for explicitly must not be the part the time budget leaves out.
 */
export async function runProbes(ctx: ProbeContext, fetched: FetchedManifest, parts: ManifestParts, action?: { slug: string; record: Record<string, unknown> }): Promise<void> {
  if (!(await probeAuthenticate(ctx))) return;
  const integration = normalizeManifest(fetched, { slug: "checked" });
  await probeDataBound(ctx, parts);
  if (!ctx.outOfTime) await probeListUsers(ctx, fetched.manifest.users !== undefined);
  if (action) await probeExecute(ctx, integration.actions, action.slug, action.record);
  await probeExtractors(ctx, extractorsOf(fetched, integration.extractors));
}

/** The extractors with their manifest place: `extractors.<slug>`, or the legacy `model.variants[i]`. */
function extractorsOf(fetched: FetchedManifest, extractors: ReturnType<typeof normalizeManifest>["extractors"]): ExtractorToProbe[] {
  return Object.entries(extractors).map(([slug, extractor]) => {
    const capability: Segment[] = fetched.layout === "seed" ? ["extractors", slug] : ["model", "variants", legacyIndex(slug)];
    return { slug, capability, extractor };
  });
}

function legacyIndex(slug: string): number {
  for (let index = 0; ; index++) if (legacyModelExtractorSlug(index) === slug) return index;
}
