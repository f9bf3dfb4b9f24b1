import type { GroupSpec } from "../command-table";
import { actionGroup } from "./action";
import { batchGroup } from "./batch";
import { connectorGroup } from "./connector";
import { customIntegrationGroup } from "./custom-integration";
import { fileGroup } from "./file";
import { integrationGroup, nativeIntegrationGroup } from "./integration";
import { playGroup } from "./play";
import { recordGroup } from "./record";
import { releaseGroup, templateGroup } from "./release";
import { runGroup } from "./run";
import { segmentGroup } from "./segment";
import { datasetGroup, modelGroup } from "./storage";
import { toolGroup } from "./tool";
import { nodeGroup, workflowGroup } from "./workflow";
import { workspaceGroup } from "./workspace";

export { authCommands } from "./auth";

/** The command tree under `relay`, grouped as cargo-ai groups it (connection, orchestration, storage, segmentation), plus the workspace's administration. */
export const groups: GroupSpec[] = [
  {
    name: "connection",
    summary: "Integrations, connectors and custom integration servers",
    examples: ["relay connection connector list", "relay connection integration get demo_crm"],
    groups: [integrationGroup, nativeIntegrationGroup, connectorGroup, customIntegrationGroup],
  },
  {
    name: "orchestration",
    summary: "Workflows, runs, batches, actions, releases, templates, tools and plays",
    examples: ["relay orchestration workflow list", `relay orchestration run create --workflow-uuid <uuid> --data '{}' --wait-until-finished`],
    groups: [workflowGroup, nodeGroup, runGroup, batchGroup, actionGroup, recordGroup, releaseGroup, templateGroup, toolGroup, playGroup],
  },
  {
    name: "storage",
    summary: "Models, datasets and uploaded files",
    examples: ["relay storage model list", "relay storage file upload leads.csv"],
    groups: [modelGroup, datasetGroup, fileGroup],
  },
  {
    name: "segmentation",
    summary: "Segments and fetching the records a filter selects",
    examples: ["relay segmentation segment list"],
    groups: [segmentGroup],
  },
  workspaceGroup,
];
