import { findNodeReferences, parseExpression, parseTemplate, type NodeReference } from "@/lib/workflow";
import type { ExpressionScope } from "./expression-scope";
import type { KnownOutput } from "./known-output";

/** Something wrong with an expression as typed. A warning rests on the last run only. */
export interface ExpressionProblem {
  message: string;
  severity: "error" | "warning";
}

/**
 * What is wrong with expression text for the node whose scope is given: a `{{ }}` segment (or a
 * jsExpression) that does not parse (acorn's message), a read of a node that does not exist, is
 * the node itself or is not upstream of it, and a field that node is known not to output.
 * @example expressionProblems("{{nodes.later.id}}", scope) // [{ message: "nodes.later is not upstream of this node", severity: "error" }]
 */
export function expressionProblems(text: string, scope: ExpressionScope, language: "template" | "javascript" = "template"): ExpressionProblem[] {
  const sources = language === "javascript" ? [text] : parseTemplate(text).flatMap((part) => (part.kind === "code" ? [part.code] : []));
  const problems = new Map<string, ExpressionProblem>();
  for (const code of sources) {
    const parsed = parseExpression(code);
    if (!parsed.ok) {
      const shown = code.trim().length > 40 ? `${code.trim().slice(0, 39)}…` : code.trim();
      problems.set(code, { message: `Syntax error in {{${shown}}}: ${parsed.message}`, severity: "error" });
      continue;
    }
    for (const reference of findNodeReferences(parsed.ast)) {
      const problem = checkReference(reference, scope);
      if (problem) problems.set(problem.message, problem);
    }
  }
  return [...problems.values()];
}

function checkReference({ root, keys }: NodeReference, scope: ExpressionScope): ExpressionProblem | undefined {
  const slug = keys[0]!.name;
  if (root === "parentNodes") return { message: `parentNodes.${slug}: parentNodes is only defined inside a group`, severity: "error" };
  const read = `nodes.${slug}`;
  if (slug === scope.slug) return { message: `${read} is this node: it cannot read its own output`, severity: "error" };
  if (!scope.slugs.has(slug)) return { message: `${read}: there is no node with the slug ${slug}`, severity: "error" };
  const node = scope.upstream.get(slug);
  if (!node) return { message: `${read} is not upstream of this node`, severity: "error" };
  let output: KnownOutput | undefined = node.output;
  const path = [read];
  for (const key of keys.slice(1)) {
    if (!output) return undefined;
    path.push(key.name);
    const field = output.fields[key.name];
    if (!field) {
      return output.complete ? { message: `${path.join(".")} is not an output of ${slug}`, severity: output.source === "run" ? "warning" : "error" } : undefined;
    }
    output = field.inner;
  }
  return undefined;
}
