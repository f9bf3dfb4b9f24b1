import { z } from "zod";
import { WorkflowNodes } from "./node";

/** Cargo's reason codes first, then ours where Cargo has none. */
export const InvalidNodeReason = z.enum([
  "startNodeNotFound",
  "nodesNotFound",
  "childrenUuidsInvalid",
  "connectorNotFound",
  "nativeInvalid",
  "slugInvalid",
  "subNodesInvalid",
  // Ours:
  "uuidDuplicated",
  "slugDuplicated",
  "cycleDetected",
  "nodeUnreachable",
  "actionNotFound",
  "configInvalid",
  "expressionInvalid",
  "expressionReferenceInvalid",
]);
export type InvalidNodeReason = z.infer<typeof InvalidNodeReason>;

export const InvalidNodeSeverity = z.enum(["error", "warning"]);
export type InvalidNodeSeverity = z.infer<typeof InvalidNodeSeverity>;

export interface InvalidNode {
  node: { uuid: string; slug: string };
  reason: InvalidNodeReason;
  severity: InvalidNodeSeverity;
  message: string;
  path?: string;
  invalidNodes?: InvalidNode[];
}

/** One finding about one node. Warnings (an unreachable node) do not make the graph invalid. */
export const InvalidNode: z.ZodType<InvalidNode> = z.lazy(() =>
  z.object({
    node: z.object({ uuid: z.string(), slug: z.string() }).describe("The node the finding is about"),
    reason: InvalidNodeReason,
    severity: InvalidNodeSeverity.describe("Errors block a run; warnings do not"),
    message: z.string().describe("Human-readable explanation, naming what to fix"),
    path: z.string().optional().describe("Dotted path of the config field at fault, for config and expression findings"),
    invalidNodes: z.array(InvalidNode).optional().describe("Findings inside a group's sub-graph (subNodesInvalid)"),
  }),
);

export const ValidateNodesRequestBody = z.object({ nodes: WorkflowNodes });
export type ValidateNodesRequestBody = z.infer<typeof ValidateNodesRequestBody>;

/** `{outcome:"valid"}` or `{outcome:"notValid", invalidNodes}`, with warnings either way. */
export const ValidateNodesResponseBody = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.literal("valid"), warnings: z.array(InvalidNode).describe("Findings that do not block a run") }),
  z.object({
    outcome: z.literal("notValid"),
    invalidNodes: z.array(InvalidNode).describe("Errors, one per node and reason (a node may appear more than once)"),
    warnings: z.array(InvalidNode),
  }),
]);
export type ValidateNodesResponseBody = z.infer<typeof ValidateNodesResponseBody>;
