import path from "node:path";
import { migrate } from "./migrate";
import { batchRepository } from "./repositories/batches";
import { batchLeaseRepository } from "./repositories/batch-leases";
import { batchWebhookRepository } from "./repositories/batch-webhooks";
import { apiTokenRepository } from "./repositories/api-tokens";
import { auditLogRepository } from "./repositories/audit-log";
import { integrationCallRepository } from "./repositories/integration-calls";
import { invitationRepository } from "./repositories/invitations";
import { membershipRepository } from "./repositories/memberships";
import { sessionRepository } from "./repositories/sessions";
import { userRepository } from "./repositories/users";
import { connectorRepository } from "./repositories/connectors";
import { customIntegrationRepository } from "./repositories/custom-integrations";
import { oauthStateRepository } from "./repositories/oauth-states";
import { playRepository } from "./repositories/plays";
import { datasetRepository, modelRepository } from "./repositories/models";
import { modelRecordRepository } from "./repositories/model-records";
import { modelSyncRepository } from "./repositories/model-syncs";
import { rateLimitWindowRepository } from "./repositories/rate-limit-windows";
import { releaseRepository } from "./repositories/releases";
import { runLeaseRepository } from "./repositories/run-leases";
import { segmentRepository } from "./repositories/segments";
import { toolRepository } from "./repositories/tools";
import { runRepository } from "./repositories/runs";
import { workflowRepository } from "./repositories/workflows";
import { workflowRecordRepository } from "./repositories/workflow-records";
import { workspaceFileRepository } from "./repositories/workspace-files";
import { workspaceSettingsRepository } from "./repositories/workspace-settings";
import { workspaceRepository } from "./repositories/workspaces";
import { openPostgresClient } from "./postgres/postgres-client";
import { openSqliteClient } from "./sqlite/sqlite-client";
import type { SqlClient } from "./sql-client";

export interface DatabaseOptions {
  /** Folder for the SQLite file (`DATA_DIR`). */
  dataDir: string;
  /** `postgres://…` selects Postgres; unset means SQLite under `dataDir`. */
  databaseUrl?: string;
}

/** Opens storage, applies pending migrations, and returns the repositories over it. */
export async function openDatabase(options: DatabaseOptions) {
  const client = openClient(options);
  const migrations = await migrate(client);
  return { ...over(client), migrations, close: () => client.close() };
}

/**
 * Every repository over one client. `transaction` hands its work the same set over the
 * transaction's client: on Postgres that is one pooled connection, so only queries made through
 * it are inside the transaction (the outer repositories would use other connections).
 */
function over(client: SqlClient): Repositories {
  return {
    ...repositoriesOver(client),
    transaction: (work) => client.transaction((tx) => work(over(tx))),
  };
}

function repositoriesOver(client: SqlClient) {
  return {
    client,
    dialect: client.dialect,
    workspaces: workspaceRepository(client),
    workspaceSettings: workspaceSettingsRepository(client),
    files: workspaceFileRepository(client),
    customIntegrations: customIntegrationRepository(client),
    connectors: connectorRepository(client),
    workflows: workflowRepository(client),
    releases: releaseRepository(client),
    tools: toolRepository(client),
    plays: playRepository(client),
    runs: runRepository(client),
    batches: batchRepository(client),
    batchLeases: batchLeaseRepository(client),
    batchWebhooks: batchWebhookRepository(client),
    runLeases: runLeaseRepository(client),
    rateLimitWindows: rateLimitWindowRepository(client),
    integrationCalls: integrationCallRepository(client),
    oauthStates: oauthStateRepository(client),
    users: userRepository(client),
    memberships: membershipRepository(client),
    sessions: sessionRepository(client),
    apiTokens: apiTokenRepository(client),
    invitations: invitationRepository(client),
    auditLog: auditLogRepository(client),
    datasets: datasetRepository(client),
    models: modelRepository(client),
    modelRecords: modelRecordRepository(client),
    modelSyncs: modelSyncRepository(client),
    segments: segmentRepository(client),
    workflowRecords: workflowRecordRepository(client),
  };
}

/** The repositories, inside or outside a transaction. */
export interface Repositories extends ReturnType<typeof repositoriesOver> {
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
}
export type Database = Awaited<ReturnType<typeof openDatabase>>;

function openClient({ dataDir, databaseUrl }: DatabaseOptions): SqlClient {
  if (!databaseUrl) return openSqliteClient(path.join(dataDir, "app.db"));
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return openPostgresClient(databaseUrl);
  throw new Error(`DATABASE_URL must start with postgres:// (or be unset for SQLite), got "${databaseUrl.split(":")[0]}:"`);
}
