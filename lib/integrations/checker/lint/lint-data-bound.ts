import { isRecord } from "@/lib/contract/is-record";
import { formatFieldPath, type FieldPath } from "@/lib/params";
import { finding } from "../codes";
import type { Segment } from "../json-path";
import type { Finding } from "../types";
import type { DataBoundField } from "./data-bound";
import { paramValues } from "./data-bound";
import type { SlugEntry } from "./manifest-parts";
import { paramPathProblem } from "./param-paths";

/** What a data-bound field is checked against. */
export interface DataBoundContext {
  autocompletes: ReadonlyMap<string, SlugEntry>;
  dynamicSchemas: ReadonlyMap<string, SlugEntry>;
  /** A path below this field's `ui:options`, as findings show it. */
  optionsPath: (segments: Segment[]) => string;
  /** The field's path from the outermost form's root (a dynamic sub-form's field is below its field). */
  fullPath: FieldPath;
  schemaAt: (path: FieldPath) => { exists: boolean; open: boolean; missing?: string };
}

const CAPABILITY = {
  autocomplete: { code: "autocomplete.unknown-slug", manifestKey: "autocompletes", noun: "autocomplete", widget: "IntegrationAutocompleteWidget" },
  dynamicSchema: { code: "dynamic-schema.unknown-slug", manifestKey: "dynamicSchemas", noun: "dynamic schema", widget: "DynamicSchemaWidget" },
} as const;

/**
 * An IntegrationAutocompleteWidget or DynamicSchemaWidget must name a declared slug, and each of
 * its params must read a field the form has and supply what the endpoint requires; otherwise the
 * operator meets a dropdown that never loads or a call the server refuses.
 */
export function lintDataBound(field: DataBoundField, ctx: DataBoundContext): Finding[] {
  const capability = CAPABILITY[field.kind];
  const at = (...rest: Segment[]) => ctx.optionsPath(rest);
  const fieldName = formatFieldPath(ctx.fullPath);
  if (field.slug === undefined) {
    return [finding("ui.missing-slug", at("slug"), `The ${capability.noun} field ${fieldName} names no \`ui:options.slug\`, so it cannot load.`, `Set \`ui:options.slug\` to one of the manifest's ${capability.manifestKey}.`)];
  }
  const declared = field.kind === "autocomplete" ? ctx.autocompletes : ctx.dynamicSchemas;
  const entry = declared.get(field.slug);
  if (!entry) {
    const known = [...declared.keys()];
    return [
      finding(
        capability.code,
        at("slug"),
        `The field ${fieldName} asks for the ${capability.noun} "${field.slug}", which the manifest does not declare, so it will never load.`,
        known.length ? `Use one of ${known.map((slug) => `"${slug}"`).join(", ")}, or declare "${field.slug}" under \`${capability.manifestKey}\`.` : `Declare "${field.slug}" under \`${capability.manifestKey}\`.`,
      ),
    ];
  }
  const findings: Finding[] = [];
  for (const { keys, key, value } of paramValues(field.params)) {
    const problem = paramPathProblem(value, ctx.fullPath, ctx.schemaAt);
    const where = at("params", ...keys);
    if (problem?.kind === "past-root") {
      findings.push(finding("params.past-root", where, `The param "${key}" of ${fieldName} climbs ${problem.climbs} levels with $parent, but the field is only ${problem.depth} deep (arrays count as a level), so it is never sent.`, `Use ${problem.depth} $parent at most, or $root.<field> to read from the form's root.`));
    } else if (problem?.kind === "malformed") {
      findings.push(finding("params.malformed", where, `The param "${key}" of ${fieldName} is ${JSON.stringify(value)}: ${problem.why}.`, "Write it as $this[.$parent…].<field> or $root.<field>."));
    } else if (problem?.kind === "missing") {
      findings.push(finding("params.missing-field", where, `The param "${key}" of ${fieldName} reads ${formatFieldPath(problem.path)}, a field the form does not have, so the ${capability.noun} waits forever for it.`, `Point it at an existing field; from ${fieldName}, each $parent goes up one level (an array counts as one).`));
    }
  }
  const required = Array.isArray(entry.paramsSchema.required) ? entry.paramsSchema.required.filter((key): key is string => typeof key === "string") : [];
  const missing = required.filter((key) => !Object.hasOwn(field.params, key) && !hasDefault(entry.paramsSchema, key));
  if (missing.length) {
    findings.push(
      finding(
        "params.missing-required",
        at("params"),
        `The ${capability.noun} "${field.slug}" requires ${missing.map((key) => `"${key}"`).join(", ")}, which the field ${fieldName} does not pass, so every call is refused.`,
        `Add ${missing.map((key) => `"${key}": "$this.$parent.<field>"`).join(", ")} to \`ui:options.params\`.`,
      ),
    );
  }
  return findings;
}

function hasDefault(schema: Record<string, unknown>, key: string): boolean {
  const property = isRecord(schema.properties) ? schema.properties[key] : undefined;
  return isRecord(property) && property.default !== undefined;
}
