import type { ApiRoute } from "../api-route";
import { accountRoutes } from "./accounts";
import { batchRoutes } from "./batches";
import { connectorRoutes } from "./connectors";
import { customIntegrationRoutes } from "./custom-integrations";
import { fileRoutes } from "./files";
import { integrationCallRoutes } from "./integration-calls";
import { integrationCheckRoutes } from "./integration-checks";
import { integrationRoutes } from "./integrations";
import { openApiRoutes } from "./openapi";
import { playRoutes } from "./plays";
import { recordRoutes } from "./records";
import { releaseRoutes } from "./releases";
import { runRoutes } from "./runs";
import { templateRoutes } from "./templates";
import { toolRoutes } from "./tools";
import { workflowRoutes } from "./workflows";
import { workspaceRoutes } from "./workspace";

/** The whole API under /api/v1: every route, once. */
export const apiRoutes: readonly ApiRoute[] = [
  ...accountRoutes,
  ...openApiRoutes,
  ...workspaceRoutes,
  ...fileRoutes,
  ...customIntegrationRoutes,
  ...integrationRoutes,
  ...connectorRoutes,
  ...integrationCallRoutes,
  ...integrationCheckRoutes,
  ...workflowRoutes,
  ...releaseRoutes,
  ...templateRoutes,
  ...toolRoutes,
  ...playRoutes,
  ...runRoutes,
  ...batchRoutes,
  ...recordRoutes,
];
