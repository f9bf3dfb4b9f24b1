import type { ExpressionObject } from "@/lib/contract";
import { configExpressions, formatConfigPath } from "../expressions/config-expressions";
import { findNodeReferences, type NodeReference } from "../expressions/node-references";
import { parseExpression } from "../expressions/parse-expression";
import { expressionSources } from "../expressions/template";
import type { FindingList } from "./findings";
import type { GraphLevel } from "./graph-level";
import { knownOutputFields, sampleOutputFields } from "./known-outputs";

type Problem = { message: string; severity: "error" | "warning" };

/** Every expression must parse, and read only nodes upstream of it, and fields they can produce. */
export function checkExpressions(level: GraphLevel, findings: FindingList): void {
  level.nodes.forEach((node, index) => {
    for (const { path, expression } of configExpressions(node)) {
      const at = formatConfigPath(path);
      for (const code of expressionSources(expression)) {
        const parsed = parseExpression(code);
        if (!parsed.ok) {
          findings.add(index, node, "expressionInvalid", `${describe(expression, code)} is not valid JavaScript: ${parsed.message}`, { path: at });
          continue;
        }
        for (const reference of findNodeReferences(parsed.ast)) {
          const problem = checkReference(level, index, reference);
          if (problem) findings.add(index, node, "expressionReferenceInvalid", problem.message, { path: at, severity: problem.severity });
        }
      }
    }
  });
}

function describe(expression: ExpressionObject, code: string): string {
  const shown = code.length > 60 ? `${code.slice(0, 57)}...` : code;
  return expression.kind === "jsExpression" ? `The expression "${shown}"` : `{{${shown}}}`;
}

function checkReference(level: GraphLevel, index: number, { root, keys }: NodeReference): Problem | undefined {
  const slug = keys[0]!.name;
  const field = keys[1]?.name;
  const read = `${root}.${slug}`;
  const reader = level.nodes[index]!;
  let scope = level;
  let at = index;
  if (root === "parentNodes") {
    if (!level.parent) return { message: `${read}: parentNodes is only defined inside a group`, severity: "error" };
    scope = level.parent.level;
    at = level.parent.groupIndex;
  }
  const holders = scope.indexesBySlug.get(slug);
  const where = root === "parentNodes" ? " in the graph around the group" : "";
  if (!holders) return { message: `No node named ${slug}${where} (${read})`, severity: "error" };
  const upstream = holders.filter((holder) => scope.upstream.isUpstream(holder, at));
  if (upstream.length === 0) {
    const target = root === "parentNodes" ? `group ${scope.nodes[at]!.slug}` : reader.slug;
    return { message: `${read} is not upstream of ${target}: it has not run yet when ${target} runs`, severity: "error" };
  }
  return field === undefined ? undefined : checkField(scope, upstream, read, field);
}

/** A field read is wrong when every upstream node of that slug is known not to produce it. */
function checkField(scope: GraphLevel, upstream: number[], reference: string, field: string): Problem | undefined {
  const known = upstream.map((holder) => knownOutputFields(scope.nodes[holder]!, actionOf(scope, holder)));
  if (known.some((fields) => fields?.has(field))) return undefined;
  const slug = scope.nodes[upstream[0]!]!.slug;
  const read = `${reference}.${field}`;
  if (known.every((fields) => fields !== undefined)) {
    const outputs = [...new Set(known.flatMap((fields) => [...fields!]))];
    const listed = outputs.length > 0 ? `it outputs ${outputs.join(", ")}` : "it outputs nothing";
    return { message: `${read}: ${slug} does not output "${field}"; ${listed}`, severity: "error" };
  }
  const sample = sampleOutputFields(scope.samples?.[slug]);
  if (sample && !sample.has(field)) {
    return { message: `${read}: the last run's output of ${slug} had no field "${field}"`, severity: "warning" };
  }
  return undefined;
}

function actionOf(scope: GraphLevel, index: number) {
  const resolved = scope.actions[index]!;
  return resolved.known ? resolved.action : undefined;
}

