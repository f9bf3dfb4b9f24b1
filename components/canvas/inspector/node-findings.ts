import type { ErrorSchema } from "@rjsf/utils";
import type { InvalidNode, ValidateNodesResponseBody } from "@/lib/contract";

/** The findings about one node, errors first. */
export function nodeFindings(validation: ValidateNodesResponseBody | null, uuid: string): InvalidNode[] {
  if (!validation) return [];
  const errors = validation.outcome === "notValid" ? validation.invalidNodes : [];
  return [...errors, ...validation.warnings].filter((finding) => finding.node.uuid === uuid);
}

// A field holding an expression shows it in the expression editor, which checks it as it is typed.
const CHECKED_BY_EDITOR = new Set<InvalidNode["reason"]>(["expressionInvalid", "expressionReferenceInvalid"]);

/**
 * The findings with a config path that leads to a field of the form, as an RJSF error schema
 * (`fields.email` → `{ fields: { email: { __errors } } }`), and those with no such field, for a
 * list of their own. A field whose schema is not in `properties` (a dynamic sub-form's) still
 * gets its errors when its root property is there: the sub-form shows them once it has loaded.
 * Expression findings on a field are left to its expression editor, which says the same live.
 * @example configErrors([{ path: "objectType", message: "Required", … }], { objectType: {} }).errorSchema // { objectType: { __errors: ["Required"] } }
 */
export function configErrors(findings: readonly InvalidNode[], properties: Record<string, unknown>): { errorSchema: ErrorSchema; unplaced: InvalidNode[] } {
  const errorSchema: Record<string, unknown> = {};
  const unplaced: InvalidNode[] = [];
  for (const finding of findings) {
    const path = finding.path?.split(".").filter(Boolean) ?? [];
    if (path.length === 0 || !Object.hasOwn(properties, path[0]!)) {
      unplaced.push(finding);
      continue;
    }
    if (CHECKED_BY_EDITOR.has(finding.reason)) continue;
    let level = errorSchema;
    for (const key of path) level = (level[key] ??= {}) as Record<string, unknown>;
    const list = ((level.__errors as string[] | undefined) ??= []);
    if (!list.includes(finding.message)) list.push(finding.message);
  }
  return { errorSchema: errorSchema as ErrorSchema, unplaced };
}
