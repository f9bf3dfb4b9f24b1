export { catalogFromIntegrations, type CatalogAction, type ValidationCatalog } from "./catalog";
export { cycleIndexes, nodesOnCycles, stronglyConnectedComponents, successorIndexes } from "./cycles";
export { configExpressions, formatConfigPath, mapConfigExpressions, type ConfigExpression } from "./expressions/config-expressions";
export { findNodeReferences, type NodeReference, type ReferenceKey, type ReferenceRoot } from "./expressions/node-references";
export { parseExpression, type ParsedExpression } from "./expressions/parse-expression";
export { renameReferences } from "./expressions/rename-references";
export { expressionSources, isSingleSegment, parseTemplate, type TemplatePart } from "./expressions/template";
export {
  childrenCount,
  edges,
  edgesOf,
  findStartNode,
  isStartNode,
  nodeByUuid,
  reachableFromStart,
  reachableUuids,
  successorUuids,
  upstreamUuids,
  type GraphEdge,
} from "./graph";
export { GROUP_CONFIG_SCHEMA, isKnownNativeAction, NATIVE_ACTION_SLUGS, NATIVE_INTEGRATION_SLUG, nativeChildrenCount } from "./native-kinds";
export { defaultNativeConfig, newConnectorNode, newNativeNode, newStartEndGraph } from "./new-node";
export { diffGraphs, graphDiffers, type GraphDiff } from "./release-diff";
export {
  apply,
  WorkflowOperationError,
  type AddNodeOperation,
  type ConnectOperation,
  type DisconnectOperation,
  type MoveNodesOperation,
  type NodePatch,
  type PasteNodesOperation,
  type RemoveNodesOperation,
  type RenameNodeOperation,
  type UpdateConfigOperation,
  type UpdateNodeOperation,
  type WorkflowOperation,
} from "./operations";
export { configProblems, type ConfigProblem } from "./validation/config-schema";
export { validateNodes, type ValidateNodesOptions } from "./validation/validate-nodes";
