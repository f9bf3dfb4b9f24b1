import { option, pick, type CommandSpec, type GroupSpec, type Values } from "../command-table";

const BASE = "/orchestration/records";

const scope = [
  option.string("--workflow-uuid <uuid>", "the workflow's records (this or --batch-uuid)"),
  option.string("--batch-uuid <uuid>", "the batch's records"),
  option.list("--statuses <statuses>", "pending, running, success, error, cancelled"),
];
const scopeKeys = ["workflowUuid", "batchUuid", "statuses"];

const read = (name: string, summary: string, route: string, examples: string[], paged = false): CommandSpec => ({
  name,
  summary,
  examples,
  options: paged ? [...scope, option.int("--limit <n>", "at most this many (default 100, at most 1000)"), option.int("--offset <n>", "skip this many")] : scope,
  request: (values: Values) => ({ method: "GET", path: `${BASE}/${route}`, query: pick(values, paged ? [...scopeKeys, "limit", "offset"] : scopeKeys) }),
});

/** `relay orchestration record …`: the records batches enrolled in a workflow, one per run. */
export const recordGroup: GroupSpec = {
  name: "record",
  summary: "Records enrolled in a workflow by its batches, their count and per-node metrics",
  examples: ["relay orchestration record list --workflow-uuid <uuid> --statuses error", "relay orchestration record get-metrics --batch-uuid <uuid>"],
  commands: [
    read("list", "List the records, newest first, with their count", "list", ["relay orchestration record list --workflow-uuid <uuid> --limit 50"], true),
    read("count", "Count the records", "count", ["relay orchestration record count --workflow-uuid <uuid>"]),
    read("get-metrics", "Per node, its executions by status", "metrics", ["relay orchestration record get-metrics --workflow-uuid <uuid>"]),
  ],
};
