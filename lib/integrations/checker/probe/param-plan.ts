import { isRecord } from "@/lib/contract/is-record";
import { ARRAY_ITEM, isPathExpression, missingParams, referencedPath, type FieldPath } from "@/lib/params";
import { dataBoundOf, type DataBoundField } from "../lint/data-bound";
import type { FormPart, ManifestParts, SlugEntry } from "../lint/manifest-parts";
import { schemaAtPath, walkForm } from "../lint/walk-form";

/** A data-bound field of a form a connector fills, naming a declared slug. */
export interface Edge {
  form: FormPart;
  field: DataBoundField & { slug: string };
}

/** What an autocomplete answered first: its first option's value, `empty` or `failed`. */
export type FirstValue = { value: unknown } | "empty" | "failed";

/** Params ready to send (from `edge`, the field they were read for, if any), or the autocomplete still to run first. */
export type ParamsPlan = { ready: true; params: Record<string, unknown>; edge?: Edge; emptyProducer?: string } | { ready: false; waitingOn: string };

/** Every data-bound field of the forms an operator fills with a connector, in manifest order. */
export function dataBoundEdges(parts: ManifestParts): Edge[] {
  const edges: Edge[] = [];
  for (const form of parts.forms.filter((f) => f.hasConnector)) {
    walkForm(form.jsonSchema, form.uiSchema, (node) => {
      const field = dataBoundOf(node);
      if (field?.slug !== undefined) edges.push({ form, field: { ...field, slug: field.slug } });
    });
  }
  return edges;
}

/**
 * The params to call a slug with, as an operator filling the form would send them: literals as
 * written, a path expression read from the field it names, that field's value being the first
 * option of its own autocomplete (so those run first) or else its schema's default or first enum
 * value; required params still missing come from the endpoint's params schema.
 */
export function planParams(kind: Edge["field"]["kind"], entry: SlugEntry, edges: readonly Edge[], firstValues: ReadonlyMap<string, FirstValue>): ParamsPlan {
  const own = edges.filter((edge) => edge.field.slug === entry.slug && edge.field.kind === kind);
  let waitingOn: string | undefined;
  for (const edge of own) {
    const plan = fromEdge(edge, edges, firstValues);
    if (plan.ready) return { ...plan, edge, params: withRequired(plan.params, entry.paramsSchema) };
    waitingOn ??= plan.waitingOn;
  }
  if (waitingOn) return { ready: false, waitingOn };
  return { ready: true, params: withRequired({}, entry.paramsSchema) };
}

function fromEdge(edge: Edge, edges: readonly Edge[], firstValues: ReadonlyMap<string, FirstValue>): ParamsPlan {
  let emptyProducer: string | undefined;
  let waitingOn: string | undefined;
  const resolve = (params: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(params).flatMap(([key, value]): Array<[string, unknown]> => {
        if (isRecord(value)) return [[key, resolve(value)]];
        if (!isPathExpression(value)) return [[key, value]];
        const target = referencedPath(value, edge.field.fieldPath);
        if (!target) return [];
        const producer = edges.find((other) => other.form === edge.form && other.field.kind === "autocomplete" && samePath(other.field.fieldPath, target));
        const first = producer && firstValues.get(producer.field.slug);
        if (producer && first === undefined) waitingOn ??= producer.field.slug;
        if (first && typeof first === "object") return [[key, first.value]];
        if (first === "empty") emptyProducer ??= producer!.field.slug;
        const fallback = exampleValue(schemaAtPath(edge.form.jsonSchema, target).schema);
        return fallback === undefined ? [] : [[key, fallback]];
      }),
    );
  const params = resolve(edge.field.params);
  if (waitingOn) return { ready: false, waitingOn };
  return { ready: true, params, ...(emptyProducer && { emptyProducer }) };
}

/** Adds each required param the params lack, from its schema's default, const or first enum value. */
function withRequired(params: Record<string, unknown>, schema: Record<string, unknown>): Record<string, unknown> {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const filled = { ...params };
  for (const key of missingRequired(params, schema)) {
    const value = exampleValue(isRecord(properties[key]) ? properties[key] : undefined);
    if (value !== undefined) filled[key] = value;
  }
  return filled;
}

/**
 * The required params of a schema that `params` lacks, judged as the form judges them before it
 * calls (lib/params `missingParams`: undefined, null, "" and [] are missing).
 */
export function missingRequired(params: Record<string, unknown>, schema: Record<string, unknown>): string[] {
  const required = Array.isArray(schema.required) ? schema.required.filter((key): key is string => typeof key === "string") : [];
  return missingParams(params, required);
}

/** A value a schema surely accepts, when it names one: `default`, `const`, first `enum` or `oneOf` const. */
export function exampleValue(schema: Record<string, unknown> | undefined): unknown {
  if (!schema) return undefined;
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  if (Array.isArray(schema.oneOf)) return schema.oneOf.find((option) => isRecord(option) && option.const !== undefined)?.const;
  return undefined;
}

function samePath(a: FieldPath, b: FieldPath): boolean {
  return a.length === b.length && a.every((segment, index) => segment === b[index] || (isIndex(segment) && isIndex(b[index]!)));
}

function isIndex(segment: string | number): boolean {
  return typeof segment === "number" || segment === ARRAY_ITEM;
}
