import { AutocompleteResponseBody, DynamicSchemaResponseBody } from "@/lib/contract";
import { autocompleteRequest, dynamicSchemaRequest } from "../../layouts";
import { finding } from "../codes";
import { contractFindings } from "../contract-findings";
import { probePath, type Segment } from "../json-path";
import { lintForm } from "../lint/lint-form";
import { lintRefs } from "../lint/lint-refs";
import type { ManifestParts, SlugEntry } from "../lint/manifest-parts";
import { dataBoundEdges, missingRequired, planParams, type Edge, type FirstValue, type ParamsPlan } from "./param-plan";
import { probeCall, type ProbeContext } from "./probe-context";

type Kind = Edge["field"]["kind"];
interface Pending {
  kind: Kind;
  entry: SlugEntry;
}

/**
 * Calls every autocomplete and dynamic schema once, in dependency order: an autocomplete whose
 * params read another autocomplete's field runs after it, with its first option. A dynamic
 * schema's answer is linted as the form it becomes.
 */
export async function probeDataBound(ctx: ProbeContext, parts: ManifestParts): Promise<void> {
  const edges = dataBoundEdges(parts);
  const firstValues = new Map<string, FirstValue>();
  // A field naming an undeclared autocomplete (lint reports it) will never have a first value.
  for (const edge of edges) if (edge.field.kind === "autocomplete" && !parts.autocompletes.has(edge.field.slug)) firstValues.set(edge.field.slug, "failed");
  const run = async (item: Pending, plan: Extract<ParamsPlan, { ready: true }>) => {
    const cannot = skipReason(item, plan.params, plan.emptyProducer);
    if (cannot) ctx.findings.push(cannot);
    if (item.kind === "dynamicSchema") {
      if (!cannot) await probeDynamicSchema(ctx, item.entry, plan.params, plan.edge, parts);
    } else firstValues.set(item.entry.slug, cannot ? "failed" : await probeAutocomplete(ctx, item.entry, plan.params));
  };
  let pending: Pending[] = [
    ...[...parts.autocompletes.values()].map((entry) => ({ kind: "autocomplete" as const, entry })),
    ...[...parts.dynamicSchemas.values()].map((entry) => ({ kind: "dynamicSchema" as const, entry })),
  ];
  while (pending.length > 0 && !ctx.outOfTime) {
    const waiting: Pending[] = [];
    for (const item of pending) {
      const plan = planParams(item.kind, item.entry, edges, firstValues);
      if (plan.ready) await run(item, plan);
      else waiting.push(item);
    }
    if (waiting.length < pending.length) {
      pending = waiting;
      continue;
    }
    // A cycle of params (a reads b, b reads a): run the first with what the schemas give.
    const forced = new Map(firstValues);
    for (const item of waiting) if (item.kind === "autocomplete" && !forced.has(item.entry.slug)) forced.set(item.entry.slug, "failed");
    const [first, ...rest] = waiting;
    const plan = planParams(first!.kind, first!.entry, edges, forced);
    if (plan.ready) await run(first!, plan);
    pending = rest;
  }
}

function skipReason(item: Pending, params: Record<string, unknown>, emptyProducer: string | undefined) {
  const missing = missingRequired(params, item.entry.paramsSchema);
  if (missing.length === 0) return undefined;
  const why = emptyProducer ? `the autocomplete "${emptyProducer}" it reads from answered no options` : "no form field or params schema gives a value for it";
  return finding("probe.skipped", probePath(item.entry.path, "answer"), `"${item.entry.slug}" was not called: it requires ${missing.join(", ")}, and ${why}.`, "Give the params schema a default or an enum, so the check (and operators) can pick a value.");
}

async function probeAutocomplete(ctx: ProbeContext, entry: SlugEntry, params: Record<string, unknown>): Promise<FirstValue> {
  const call = await probeCall(ctx, autocompleteRequest(ctx.layout, ctx.connector, entry.slug, params), { capability: entry.path, call: "answer" });
  if (!call.ok) return "failed";
  const parsed = contractFindings(AutocompleteResponseBody, call.value, { code: "answer.invalid", pathOf: call.path, subject: `The answer of "${entry.slug}"`, endpoint: call.endpoint });
  ctx.findings.push(...parsed.findings);
  if (!parsed.data) return "failed";
  const seen = new Map<unknown, number>();
  for (const [index, result] of parsed.data.results.entries()) {
    const earlier = seen.get(result.value);
    if (earlier !== undefined) {
      ctx.findings.push(finding("autocomplete.duplicate-values", call.path(["results", index, "value"]), `Options ${earlier} and ${index} of "${entry.slug}" have the same value ${JSON.stringify(result.value)}; the operator cannot tell which one was picked.`, "Give every option its own value.", call.endpoint));
      break;
    }
    seen.set(result.value, index);
  }
  const first = parsed.data.results[0];
  return first ? { value: first.value } : "empty";
}

async function probeDynamicSchema(ctx: ProbeContext, entry: SlugEntry, params: Record<string, unknown>, edge: Edge | undefined, parts: ManifestParts): Promise<void> {
  const call = await probeCall(ctx, dynamicSchemaRequest(ctx.layout, ctx.connector, entry.slug, params), { capability: entry.path, call: "answer" });
  if (!call.ok) return;
  const parsed = contractFindings(DynamicSchemaResponseBody, call.value, { code: "answer.invalid", pathOf: call.path, subject: `The answer of "${entry.slug}"`, endpoint: call.endpoint });
  ctx.findings.push(...parsed.findings);
  if (!parsed.data) return;
  const { jsonSchema, uiSchema } = parsed.data;
  const at = (...segments: Segment[]) => call.path(segments);
  ctx.findings.push(...lintRefs(jsonSchema, (inner) => at("jsonSchema", ...inner)));
  const outer = edge && { jsonSchema: edge.form.jsonSchema, fieldPath: edge.field.fieldPath };
  const linted = lintForm({ path: [], jsonSchema, uiSchema }, parts, outer, (inner) => at("uiSchema", ...inner));
  ctx.findings.push(...linted.findings.map((found) => ({ ...found, endpoint: call.endpoint })));
}
