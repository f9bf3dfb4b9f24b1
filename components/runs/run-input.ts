import type { WorkflowNode } from "@/lib/contract";
import { configExpressions, expressionSources, findNodeReferences, findStartNode, parseExpression } from "@/lib/workflow";

export type ParsedRunInput = { ok: true; data: Record<string, unknown> } | { ok: false; message: string };

/** Reads the test-run input: JSON, and an object (a run's data is the start node's output). */
export function parseRunInput(text: string): ParsedRunInput {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `Not valid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, message: 'The input must be a JSON object, like {"email": "ada@example.com"}.' };
  }
  return { ok: true, data: value as Record<string, unknown> };
}

/** The fields of the start node's output the graph reads (`nodes.start.<field>`), in order of first use. */
export function startFieldsUsed(nodes: readonly WorkflowNode[]): string[] {
  const start = findStartNode(nodes);
  if (!start) return [];
  const fields = new Set<string>();
  for (const node of nodes) {
    for (const { expression } of configExpressions(node)) {
      for (const source of expressionSources(expression)) {
        const parsed = parseExpression(source);
        if (!parsed.ok) continue;
        for (const { root, keys } of findNodeReferences(parsed.ast)) {
          if (root === "nodes" && keys[0]?.name === start.slug && keys[1]) fields.add(keys[1].name);
        }
      }
    }
  }
  return [...fields];
}

/** A first input for a workflow never run here: each field the graph reads from the start node, empty. */
export function defaultRunInput(nodes: readonly WorkflowNode[]): string {
  return JSON.stringify(Object.fromEntries(startFieldsUsed(nodes).map((field) => [field, ""])), null, 2);
}

/**
 * The JSON Schema the start node declares for its input, if any: `config.inputSchema` (an object
 * schema). No built-in start node declares one yet; a form is offered when one does.
 */
export function startInputSchema(nodes: readonly WorkflowNode[]): Record<string, unknown> | undefined {
  const schema = findStartNode(nodes)?.config.inputSchema;
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return undefined;
  return (schema as Record<string, unknown>).type === "object" ? (schema as Record<string, unknown>) : undefined;
}

const storageKey = (workflowUuid: string) => `relay.runInput.${workflowUuid}`;

/** The last input run for this workflow in this browser, if any. */
export function loadRunInput(workflowUuid: string): string | undefined {
  try {
    return localStorage.getItem(storageKey(workflowUuid)) ?? undefined;
  } catch {
    return undefined;
  }
}

export function saveRunInput(workflowUuid: string, text: string): void {
  try {
    localStorage.setItem(storageKey(workflowUuid), text);
  } catch {
    // Storage full or disabled: the input is simply not remembered.
  }
}
