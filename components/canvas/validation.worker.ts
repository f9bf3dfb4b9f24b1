import type { ValidateNodesResponseBody, WorkflowNode } from "@/lib/contract";
import { validateNodes, type ValidationCatalog } from "@/lib/workflow";

/** What the editor posts: the catalog when it changes, then graphs to validate against it. */
export type ValidationRequest = { type: "catalog"; catalog: ValidationCatalog } | { type: "validate"; sequence: number; nodes: WorkflowNode[] };

/** What the worker answers, tagged with the request's sequence number. */
export type ValidationReply = { sequence: number; result: ValidateNodesResponseBody } | { sequence: number; error: string };

// The project's TypeScript lib is the DOM's, whose `self` is a Window: name the worker scope's two members used.
const scope = globalThis as unknown as { onmessage: ((event: MessageEvent<ValidationRequest>) => void) | null; postMessage(reply: ValidationReply): void };

// The catalog stays here between graphs, so ajv's validators compiled for its schemas are reused.
let catalog: ValidationCatalog | undefined;

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === "catalog") {
    catalog = request.catalog;
    return;
  }
  let reply: ValidationReply;
  try {
    if (!catalog) throw new Error("No catalog received before the first graph");
    reply = { sequence: request.sequence, result: validateNodes(request.nodes, catalog) };
  } catch (error) {
    reply = { sequence: request.sequence, error: (error as Error).message };
  }
  scope.postMessage(reply);
};
