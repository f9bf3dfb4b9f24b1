import "server-only";

export { DEFAULT_WORKSPACE_UUID } from "./migrations";
export { openDatabase, type Database, type DatabaseOptions, type Repositories } from "./open-database";
export type { CustomIntegrationRepository, NewCustomIntegration } from "./repositories/custom-integrations";
export type { Workspace, WorkspaceRepository } from "./repositories/workspaces";
export type { WorkspaceSettingsRepository } from "./repositories/workspace-settings";
export type { ConnectorRepository, NewConnector, StoredConnector } from "./repositories/connectors";
export type { OauthStateRepository, StoredOauthState } from "./repositories/oauth-states";
export type { RunListFilter, RunRepository, StoredRunState } from "./repositories/runs";
export type { NewWorkflow, WorkflowChanges, WorkflowRepository, WorkflowUpdateResult } from "./repositories/workflows";
export type { User, UserRepository, WorkspaceRole } from "./repositories/users";
export type { Member, MembershipRepository, UserWorkspace } from "./repositories/memberships";
export type { SessionRepository, StoredSession } from "./repositories/sessions";
export type { ApiToken, ApiTokenRepository } from "./repositories/api-tokens";
export type { Invitation, InvitationRepository } from "./repositories/invitations";
export type { AuditEntry, AuditLogRepository } from "./repositories/audit-log";
