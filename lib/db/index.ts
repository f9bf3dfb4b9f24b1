import "server-only";

export { DEFAULT_WORKSPACE_UUID } from "./migrations";
export { openDatabase, type Database, type DatabaseOptions } from "./open-database";
export type { CustomIntegrationRepository, NewCustomIntegration } from "./repositories/custom-integrations";
export type { Workspace, WorkspaceRepository } from "./repositories/workspaces";
export type { WorkspaceSettingsRepository } from "./repositories/workspace-settings";
export type { ConnectorRepository, NewConnector, StoredConnector } from "./repositories/connectors";
export type { OauthStateRepository, StoredOauthState } from "./repositories/oauth-states";
export type { RunListFilter, RunRepository, StoredRunState } from "./repositories/runs";
export type { NewWorkflow, WorkflowChanges, WorkflowRepository, WorkflowUpdateResult } from "./repositories/workflows";
