import { isRecord } from "@/lib/contract/is-record";
import { finding } from "../codes";
import type { Segment } from "../json-path";
import type { Finding } from "../types";

/** Where manifests point for "a value or an expression"; Cargo and Relay inject it, manifests never define it. */
export const EXPRESSION_REF = "#/definitions/expression";

/**
 * The schema with `definitions.expression` supplied (any value) when it lacks one, as Relay and
 * Cargo supply it: so a field declared only as `{"$ref": "#/definitions/expression"}` is a field
 * to the compile and the form walk alike, not a missing one.
 */
export function withExpressionDefinition(schema: Record<string, unknown>): Record<string, unknown> {
  const definitions = isRecord(schema.definitions) ? schema.definitions : {};
  return Object.hasOwn(definitions, "expression") ? schema : { ...schema, definitions: { ...definitions, expression: {} } };
}

// Keywords whose values are data, not schemas: a `$ref` key inside them is not a reference.
const DATA_KEYWORDS = new Set(["enum", "const", "default", "examples"]);

/**
 * Every `$ref` of one JSON Schema document must resolve inside that document, since Relay (like
 * the form library) loads nothing else; `pathOf` places a path of the document in the report.
 * An undefined `#/definitions/expression` is only a warning: Cargo's own example relies on the
 * platform supplying it.
 */
export function lintRefs(schema: Record<string, unknown>, pathOf: (segments: Segment[]) => string): Finding[] {
  const findings: Finding[] = [];
  walk(schema, [], (ref, path) => {
    const where = pathOf([...path, "$ref"]);
    if (!ref.startsWith("#")) {
      findings.push(
        finding("ref.external", where, `The schema refers to "${ref}", outside the manifest; Relay does not load other documents, so the field cannot be validated.`, "Inline the referenced schema under `definitions` and point to it with `#/definitions/<name>`."),
      );
      return;
    }
    if (resolves(schema, ref)) return;
    if (ref === EXPRESSION_REF) {
      findings.push(
        finding("ref.expression-undefined", where, `The schema refers to ${EXPRESSION_REF}, which it does not define. Relay and Cargo supply it, but any other JSON Schema tool will fail to resolve it.`, `Add \`"definitions": {"expression": {}}\` to this schema, or leave it if only Relay and Cargo read it.`),
      );
      return;
    }
    findings.push(
      finding("ref.unresolved", where, `The schema refers to "${ref}", which does not exist in it, so the form cannot be validated.`, `Define the target under this schema (e.g. \`definitions\`) or fix the pointer.`),
    );
  });
  return findings;
}

function walk(node: unknown, path: Segment[], onRef: (ref: string, path: Segment[]) => void): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => walk(item, [...path, index], onRef));
    return;
  }
  if (!isRecord(node)) return;
  if (typeof node.$ref === "string") onRef(node.$ref, path);
  for (const [key, value] of Object.entries(node)) {
    if (DATA_KEYWORDS.has(key) || key === "$ref") continue;
    walk(value, [...path, key], onRef);
  }
}

/** Whether a local JSON pointer (`#`, `#/definitions/x`) names something in `root`. */
export function resolves(root: Record<string, unknown>, ref: string): boolean {
  if (ref === "#" || ref === "#/") return true;
  if (!ref.startsWith("#/")) return false;
  let target: unknown = root;
  for (const raw of ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    if (Array.isArray(target) && /^\d+$/.test(key)) target = target[Number(key)];
    else target = isRecord(target) && Object.hasOwn(target, key) ? target[key] : undefined;
    if (target === undefined) return false;
  }
  return true;
}
