import { isRecord } from "@/lib/contract/is-record";
import type { WorkflowNode } from "@/lib/contract";
import type { CatalogAction } from "@/lib/workflow";

/** What is known of a node's output: some of its fields, each with what is known inside it. */
export interface KnownOutput {
  fields: Record<string, KnownField>;
  /** Whether no other field can come out, so reading one is a mistake. */
  complete: boolean;
  /** Where the knowledge comes from: the last test run, or what the node declares. */
  source: "run" | "declared";
}

export interface KnownField {
  /** A short preview of the value seen in the last run, or the declared type. */
  hint?: string;
  /** What is known inside the field, when it is an object. */
  inner?: KnownOutput;
}

const MAX_DEPTH = 6;

/**
 * What a node is known to output: the fields of its output in the shown test run, merged with
 * what it declares (a variables or end node's variable names, a branch's `condition`, an action's
 * `outputSchema`). Undefined when nothing is known.
 * @example knownOutput(lookupNode, action, { record: { id: "c_1" } })?.fields.record.inner?.fields.id
 */
export function knownOutput(node: WorkflowNode, action: CatalogAction | undefined, sample: unknown): KnownOutput | undefined {
  return mergeOutputs(sampleOutput(sample, 0), declaredOutput(node, action));
}

/** The fields of a value seen in a run; undefined unless it is a plain object. */
export function sampleOutput(value: unknown, depth = 0): KnownOutput | undefined {
  if (!isRecord(value) || depth > MAX_DEPTH) return undefined;
  const fields: Record<string, KnownField> = {};
  for (const [key, child] of Object.entries(value)) fields[key] = { hint: preview(child), inner: sampleOutput(child, depth + 1) };
  return { fields, complete: true, source: "run" };
}

/** What a node declares it outputs, without a run. */
export function declaredOutput(node: WorkflowNode, action: CatalogAction | undefined): KnownOutput | undefined {
  if (node.kind === "native") {
    if (node.actionSlug === "variables" || node.actionSlug === "end") return variablesOutput(node.config.variables);
    if (node.actionSlug === "branch") return { fields: { condition: { hint: "boolean" } }, complete: true, source: "declared" };
  }
  return action?.outputSchema ? schemaOutput(action.outputSchema, 0) : undefined;
}

function variablesOutput(variables: unknown): KnownOutput | undefined {
  if (!Array.isArray(variables)) return undefined;
  const fields: Record<string, KnownField> = {};
  let complete = true;
  for (const variable of variables) {
    // A variable whose name is an expression could be called anything.
    if (!isRecord(variable) || typeof variable.name !== "string") complete = false;
    else if (variable.name) fields[variable.name] = { hint: typeof variable.type === "string" ? variable.type : undefined };
  }
  return { fields, complete, source: "declared" };
}

function schemaOutput(schema: Record<string, unknown>, depth: number): KnownOutput | undefined {
  if (!isRecord(schema.properties) || depth > MAX_DEPTH) return undefined;
  const fields: Record<string, KnownField> = {};
  for (const [key, child] of Object.entries(schema.properties)) {
    const childSchema = isRecord(child) ? child : {};
    fields[key] = { hint: typeof childSchema.type === "string" ? childSchema.type : undefined, inner: schemaOutput(childSchema, depth + 1) };
  }
  return { fields, complete: schema.additionalProperties === false, source: "declared" };
}

function mergeOutputs(run: KnownOutput | undefined, declared: KnownOutput | undefined): KnownOutput | undefined {
  if (!run || !declared) return run ?? declared;
  const fields: Record<string, KnownField> = { ...declared.fields };
  for (const [key, field] of Object.entries(run.fields)) {
    const known = fields[key];
    fields[key] = known ? { hint: field.hint ?? known.hint, inner: mergeOutputs(field.inner, known.inner) } : field;
  }
  // A closed declaration is the stronger claim: the run's fields are all in it anyway.
  return { fields, complete: declared.complete || run.complete, source: declared.complete ? "declared" : "run" };
}

function preview(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `list of ${value.length}`;
  if (typeof value === "object") return "object";
  const text = typeof value === "string" ? JSON.stringify(value) : String(value);
  return text.length > 32 ? `${text.slice(0, 31)}…` : text;
}
