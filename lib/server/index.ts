import "server-only";

export { defineRoute, type RouteInput } from "./define-route";
export { createDeps, getDeps, type Deps } from "./deps";
export { AppError, errorToResponse, type ErrorCode } from "./errors";
export { checkHealth } from "./health";
export { requestHosts } from "./request-context";
export { integrationDocumentation, listIntegrations } from "./integration-catalog";
export {
  getCustomIntegration,
  previewCustomIntegration,
  refreshCustomIntegration,
  registerCustomIntegration,
  removeCustomIntegration,
  slugify,
  updateCustomIntegrationUrl,
} from "./custom-integrations";
export {
  createConnector,
  getConnector,
  listConnectors,
  removeConnector,
  testConnector,
  testConnectorConfig,
  updateConnector,
} from "./connectors";
export { completeOauth, connectorAutocomplete, connectorDynamicSchema, connectorListUsers, startOauth } from "./connector-calls";
export { executeConnectorAction, type ExecutedAction } from "./execute-action";
export {
  createWorkflow,
  defaultWorkflowNodes,
  duplicateWorkflow,
  getWorkflow,
  listWorkflows,
  removeWorkflow,
  STALE_WORKFLOW_MESSAGE,
  updateWorkflow,
} from "./workflows";
export { cancelRuns, createRun, executeTopLevelAction, getRun, listRuns } from "./runs";
export { validateWorkflowNodes, validationCatalog } from "./validate-nodes";
