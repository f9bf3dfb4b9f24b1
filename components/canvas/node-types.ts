import type { EdgeTypes, NodeTypes } from "@xyflow/react";
import { FlowEdgeView } from "./edges/flow-edge";
import { StepNodeView } from "./nodes/step-node";

// Module-level so React Flow never sees a new object (it warns and re-mounts every node if it does).
export const nodeTypes = { step: StepNodeView } satisfies NodeTypes;
export const edgeTypes = { flow: FlowEdgeView } satisfies EdgeTypes;
