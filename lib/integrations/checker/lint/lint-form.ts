import { formatFieldPath, pathStartsWith, type FieldPath } from "@/lib/params";
import { jsonPath, type Segment } from "../json-path";
import type { Finding } from "../types";
import { dataBoundOf } from "./data-bound";
import { lintDataBound } from "./lint-data-bound";
import { lintWidgets } from "./lint-widgets";
import type { FormPart, ManifestParts } from "./manifest-parts";
import { schemaAtPath, walkForm } from "./walk-form";

type Json = Record<string, unknown>;

/** Where a dynamic sub-form sits in the outer form, so its `$root` and `$parent` read the outer data. */
export interface OuterForm {
  jsonSchema: Json;
  fieldPath: FieldPath;
}

/**
 * Every check of one form's uiSchema: widget names, declared fields, and the data-bound fields'
 * slugs and params. Answers the slugs its fields use, for the unused-autocomplete check.
 */
export function lintForm(
  form: Pick<FormPart, "path" | "jsonSchema" | "uiSchema">,
  parts: Pick<ManifestParts, "autocompletes" | "dynamicSchemas">,
  outer?: OuterForm,
  pathOf: (uiSegments: Segment[]) => string = (segments) => jsonPath([...form.path, "uiSchema", ...segments]),
): { findings: Finding[]; usedSlugs: string[] } {
  const findings: Finding[] = [];
  const usedSlugs: string[] = [];
  const base = outer?.fieldPath ?? [];
  const schemaAt = (path: FieldPath) => {
    const inner = pathStartsWith(path, base);
    const found = inner ? schemaAtPath(form.jsonSchema, path.slice(base.length)) : schemaAtPath(outer!.jsonSchema, path);
    const missing = found.missingAt >= 0 ? formatFieldPath(path.slice(0, (inner ? base.length : 0) + found.missingAt + 1)) : undefined;
    return { exists: found.missingAt < 0, open: found.open, missing };
  };
  walkForm(form.jsonSchema, form.uiSchema, (node) => {
    findings.push(...lintWidgets(node, pathOf));
    const field = dataBoundOf(node);
    if (!field) return;
    if (field.slug) usedSlugs.push(field.slug);
    const fullPath = [...base, ...node.fieldPath];
    const optionsPath = (rest: Segment[]) => pathOf([...node.uiPath, "ui:options", ...rest]);
    findings.push(...lintDataBound(field, { ...parts, optionsPath, fullPath, schemaAt }));
  });
  return { findings, usedSlugs };
}
