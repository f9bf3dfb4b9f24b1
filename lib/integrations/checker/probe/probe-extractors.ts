import { CountExtractorResponseBody, type ManifestExtractor } from "@/lib/contract";
import { isRecord } from "@/lib/contract/is-record";
import { countExtractorRequest } from "../../layouts";
import { finding } from "../codes";
import { contractFindings } from "../contract-findings";
import { probePath, type Segment } from "../json-path";
import { pageThrough } from "./extractor-paging";
import { exampleValue } from "./param-plan";
import { probeCall, type ProbeContext } from "./probe-context";

/** An extractor as the client knows it (legacy variants included), with its place in the manifest. */
export interface ExtractorToProbe {
  slug: string;
  capability: Segment[];
  extractor: ManifestExtractor;
}

/**
 * Counts and pages through every fetch extractor with the config a first sync would get from its
 * form (defaults, first enum values). The count endpoint is optional unless `preview` is `count`.
 */
export async function probeExtractors(ctx: ProbeContext, extractors: readonly ExtractorToProbe[]): Promise<void> {
  for (const { slug, capability, extractor } of extractors) {
    if (ctx.outOfTime || extractor.mode.kind !== "fetch") continue;
    const config = defaultConfig(extractor.config.jsonSchema);
    if (!config.ok) {
      ctx.findings.push(finding("probe.skipped", probePath(capability, "fetch[0]"), `"${slug}" was not fetched: its config needs ${config.missing.join(", ")}, which have no default or enum to pick from.`, "Give those fields a default (or an enum), so a first sync (and the check) can run without asking."));
      continue;
    }
    const count = await probeCount(ctx, slug, capability, extractor, config.value);
    await pageThrough(ctx, { slug, capability, config: config.value, fetching: extractor.fetching, count });
  }
}

async function probeCount(ctx: ProbeContext, slug: string, capability: Segment[], extractor: ManifestExtractor, config: Record<string, unknown>): Promise<number | undefined> {
  const call = await probeCall(ctx, countExtractorRequest(ctx.layout, ctx.connector, slug, config), { capability, call: "count", optional: true });
  if (!call.ok) {
    if (call.notImplemented && extractor.preview === "count") {
      const endpoint = `POST ${countExtractorRequest(ctx.layout, ctx.connector, slug, config).path}`;
      ctx.findings.push(finding("extractor.count-missing", probePath(capability, "count"), `"${slug}" previews a count, but ${endpoint} is not implemented, so the preview fails.`, `Implement ${endpoint}, or set \`preview\` to "records" or "none".`, endpoint));
    }
    return undefined;
  }
  const parsed = contractFindings(CountExtractorResponseBody, call.value, { code: "answer.invalid", pathOf: call.path, subject: "The count answer", endpoint: call.endpoint });
  ctx.findings.push(...parsed.findings);
  return parsed.data?.count;
}

/** The config a form with nothing entered submits: each field's default, const or first enum value. */
function defaultConfig(schema: Record<string, unknown>): { ok: true; value: Record<string, unknown> } | { ok: false; missing: string[] } {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const value: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(properties)) {
    const example = exampleValue(isRecord(property) ? property : undefined);
    if (example !== undefined) value[key] = example;
  }
  const required = Array.isArray(schema.required) ? schema.required.filter((key): key is string => typeof key === "string") : [];
  const missing = required.filter((key) => value[key] === undefined);
  return missing.length ? { ok: false, missing } : { ok: true, value };
}
