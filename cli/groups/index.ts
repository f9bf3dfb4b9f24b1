import type { GroupSpec } from "../command-table";
import { actionGroup } from "./action";
import { batchGroup } from "./batch";
import { connectorGroup } from "./connector";
import { customIntegrationGroup } from "./custom-integration";
import { integrationGroup, nativeIntegrationGroup } from "./integration";
import { recordGroup } from "./record";
import { releaseGroup, templateGroup } from "./release";
import { runGroup } from "./run";
import { segmentGroup } from "./segment";
import { datasetGroup, modelGroup } from "./storage";
import { playGroup, toolGroup } from "./tool";
import { nodeGroup, workflowGroup } from "./workflow";

export { authCommands } from "./auth";

/** The command tree under `relay`, grouped as cargo-ai groups it (connection, orchestration, storage, segmentation). */
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
    summary: "Models and datasets",
    examples: ["relay storage model list", "relay storage dataset list"],
    groups: [modelGroup, datasetGroup],
  },
  {
    name: "segmentation",
    summary: "Segments and fetching the records a filter selects",
    examples: ["relay segmentation segment list"],
    groups: [segmentGroup],
  },
];
