import "server-only";

export { defineRoute, type RouteInput } from "./define-route";
export { createDeps, getDeps, type Deps } from "./deps";
export { AppError, errorToResponse, type ErrorCode } from "./errors";
export { checkHealth } from "./health";
export { requestHosts, type AccessLevel, type RequestContext } from "./request-context";
export { audit, listAuditLog } from "./audit";
export { needsSetup, setup, signIn, signOut, switchWorkspace, whoami } from "./accounts";
export { acceptInvitation, changeRole, createInvitation, listInvitations, listMembers, previewInvitation, removeMember } from "./members";
export { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens";
export { createWorkspace, listWorkspaces } from "./workspaces";
export { ensureSetupCode } from "./auth/setup-code";
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
export { instanceNeedsSetup, signedInPrincipal } from "./viewer";
