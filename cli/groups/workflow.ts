import type { WorkflowResponseBody } from "@/lib/contract";
import { byUuid, option, pick, segment, uuidArg, type GroupSpec } from "../command-table";

const BASE = "/orchestration/workflows";

/** `relay orchestration workflow …`: saved node graphs (the editor's drafts). */
export const workflowGroup: GroupSpec = {
  name: "workflow",
  summary: "Workflows: saved node graphs",
  examples: ["relay orchestration workflow list", 'relay orchestration workflow create --name "Enrich" --nodes @nodes.json'],
  commands: [
    {
      name: "list",
      summary: "List workflows, most recently updated first",
      examples: ["relay orchestration workflow list"],
      request: () => ({ method: "GET", path: `${BASE}/list` }),
    },
    {
      name: "get",
      summary: "One workflow with its graph",
      examples: ["relay orchestration workflow get <uuid>"],
      args: [uuidArg("workflow")],
      request: byUuid("GET", BASE),
    },
    {
      name: "create",
      summary: "Create a workflow (start → end when --nodes is not given)",
      examples: ['relay orchestration workflow create --name "Enrich"', 'relay orchestration workflow create --name "Enrich" --nodes @nodes.json'],
      options: [option.string("--name <name>", "its name", true), option.json("--nodes <json>", "the node graph")],
      request: (values) => ({ method: "POST", path: BASE, body: pick(values, ["name", "nodes"]) }),
    },
    {
      name: "update",
      summary: "Rename a workflow or replace its graph or form fields",
      examples: ['relay orchestration workflow update <uuid> --name "Enrich v2"', "relay orchestration workflow update <uuid> --nodes @nodes.json --updated-at 2025-01-01T00:00:00.000Z"],
      args: [uuidArg("workflow")],
      options: [
        option.string("--name <name>", "a new name"),
        option.json("--nodes <json>", "a new node graph"),
        option.json("--form-fields <json>", "new form fields"),
        option.string("--updated-at <iso>", "the updatedAt your edit is based on: a newer save answers 409 (default: the current one, so the edit wins)"),
      ],
      async run(values, context) {
        const api = await context.api();
        const path = `${BASE}/${segment(values.uuid)}`;
        const updatedAt = values.updatedAt ?? (await api.json<WorkflowResponseBody>({ method: "GET", path })).workflow.updatedAt;
        return api.json({ method: "PUT", path, body: { ...pick(values, ["name", "nodes", "formFields"]), updatedAt } });
      },
    },
    {
      name: "remove",
      summary: "Remove a workflow (its runs stay as history)",
      examples: ["relay orchestration workflow remove <uuid>"],
      args: [uuidArg("workflow")],
      request: byUuid("DELETE", BASE),
    },
    {
      name: "duplicate",
      summary: 'Copy a workflow as "<name> (copy)"',
      examples: ["relay orchestration workflow duplicate <uuid>"],
      args: [uuidArg("workflow")],
      request: byUuid("POST", BASE, "/duplicate"),
    },
  ],
};

/** `relay orchestration node validate`: the checks every run makes, without running. */
export const nodeGroup: GroupSpec = {
  name: "node",
  summary: "Node graphs: validate before running",
  examples: ["relay orchestration node validate --nodes @nodes.json"],
  commands: [
    {
      name: "validate",
      summary: 'Validate a node graph: {"outcome":"valid"} or {"outcome":"notValid","invalidNodes":[…]}, with warnings',
      examples: ["relay orchestration node validate --nodes @nodes.json", `relay orchestration node validate --nodes '[{"uuid":"…","slug":"start","kind":"native","actionSlug":"start","childrenUuids":[]}]'`],
      options: [option.json("--nodes <json>", "the node graph", true)],
      request: (values) => ({ method: "POST", path: "/orchestration/nodes/validate", body: pick(values, ["nodes"]) }),
    },
  ],
};
