import { z } from "zod";

export const NodePosition = z.object({ x: z.number(), y: z.number() }).describe("Where the node sits on the canvas");
export type NodePosition = z.infer<typeof NodePosition>;

/** Temporal-style retry of a failing node; every field required, as Cargo's node schema has it. */
export const NodeRetryPolicy = z.object({
  maximumAttempts: z.number().int().min(1).max(100).describe("Attempts in total, the first included"),
  initialInterval: z.number().int().min(0).describe("Delay before the first retry, in ms"),
  backoffCoefficient: z.number().min(1).describe("Factor applied to the delay after each retry"),
});
export type NodeRetryPolicy = z.infer<typeof NodeRetryPolicy>;

// Slugs are not pattern-checked here: a bad one is a validation finding (`slugInvalid`), so a draft
// with one can still be saved.
const baseNode = {
  uuid: z.string().min(1).describe("Stable id of the node (UUIDv4 for graphs made here)"),
  slug: z.string().describe("Name other nodes use in expressions: nodes.<slug>; [a-zA-Z0-9_]"),
  name: z.string().optional().describe("Display name"),
  description: z.string().optional().describe("What the node is for"),
  config: z.record(z.string(), z.unknown()).default({}).describe("The action's config; any value may be an expression object"),
  childrenUuids: z.array(z.string().nullable()).default([]).describe("Next nodes, in the order of the action's children"),
  fallbackOnFailure: z.boolean().default(false).describe("On failure, continue to the normal child anyway"),
  fallbackChildUuid: z.string().nullable().optional().describe("On failure, continue to this node instead"),
  retry: NodeRetryPolicy.optional().describe("Retries before the node counts as failed"),
  position: NodePosition.default({ x: 0, y: 0 }),
};

/** A built-in node: start, end, variables, filter, branch, switch, split, delay, group, httpRequest. */
export const NativeNode = z.object({ ...baseNode, kind: z.literal("native"), actionSlug: z.string().min(1) });
export type NativeNode = z.infer<typeof NativeNode>;

/** A node that runs an integration's action through one of its connectors. */
export const ConnectorNode = z.object({
  ...baseNode,
  kind: z.literal("connector"),
  integrationSlug: z.string().min(1),
  actionSlug: z.string().min(1),
  connectorUuid: z.string().nullable().default(null).describe("The connector to run it with; null until one is chosen"),
});
export type ConnectorNode = z.infer<typeof ConnectorNode>;

/** One node of a workflow graph (Cargo's node format). A graph is an array of them. */
export const WorkflowNode = z.discriminatedUnion("kind", [NativeNode, ConnectorNode]);
export type WorkflowNode = z.infer<typeof WorkflowNode>;
/** What callers may send: defaults not yet applied. */
export type WorkflowNodeInput = z.input<typeof WorkflowNode>;

export const WorkflowNodes = z.array(WorkflowNode).max(5_000, "A graph has at most 5000 nodes").describe("The graph: every node, start first by convention");
export type WorkflowNodes = z.infer<typeof WorkflowNodes>;
