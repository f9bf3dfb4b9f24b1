import type { RunResponseBody } from "@/lib/contract";
import { option, pick, uuidArg, byUuid, type GroupSpec } from "../command-table";
import { CliError } from "../output";
import { finishRun, pollingInterval, waitOptions } from "../wait";

const BASE = "/orchestration/runs";
/** Runs are mostly short; a second between polls reads as live without flooding the server. */
export const RUN_POLLING_MS = 1000;

/** `relay orchestration run …`: one execution of a graph on one record. */
export const runGroup: GroupSpec = {
  name: "run",
  summary: "Runs: a workflow's draft, a release or an ad-hoc graph on one record",
  examples: [`relay orchestration run create --workflow-uuid <uuid> --data '{"domain":"acme.com"}' --wait-until-finished`, "relay orchestration run get <uuid>"],
  commands: [
    {
      name: "create",
      summary: "Validate and start a run of a workflow's draft (--workflow-uuid), a release (--release-uuid) or a graph (--nodes)",
      examples: [
        `relay orchestration run create --workflow-uuid <uuid> --data '{"company":"Acme","domain":"acme.com"}'`,
        "relay orchestration run create --nodes @nodes.json --data @record.json --wait-until-finished",
      ],
      options: [
        option.string("--workflow-uuid <uuid>", "run this workflow's saved draft"),
        option.string("--release-uuid <uuid>", "run this release's graph"),
        option.json("--nodes <json>", "run this node graph"),
        option.json("--data <json>", "the record: what the start node outputs (default {})"),
        ...waitOptions(RUN_POLLING_MS),
      ],
      async run(values, context) {
        const interval = pollingInterval(values, RUN_POLLING_MS);
        const wait = values.waitUntilFinished === true;
        const api = await context.api();
        // The API waits itself (up to 60 s) with ?waitUntilFinished=true; polling takes over past that.
        const answer = await api.json<RunResponseBody>({
          method: "POST",
          path: BASE,
          query: wait ? { waitUntilFinished: true } : {},
          body: { data: {}, ...pick(values, ["workflowUuid", "releaseUuid", "nodes", "data"]) },
        });
        return wait ? finishRun(context, api, answer, interval) : answer;
      },
    },
    {
      name: "get",
      summary: "One run with its executions, each node's output (runContext) and computed config",
      examples: ["relay orchestration run get <uuid>"],
      args: [uuidArg("run")],
      request: byUuid("GET", BASE),
    },
    {
      name: "list",
      summary: "List runs, newest first",
      examples: ["relay orchestration run list --workflow-uuid <uuid> --statuses error --limit 20"],
      options: [
        option.string("--workflow-uuid <uuid>", "only this workflow's runs"),
        option.string("--batch-uuid <uuid>", "only this batch's runs"),
        option.list("--statuses <statuses>", "pending, running, success, error, cancelled"),
        option.int("--limit <n>", "at most this many (default 50, at most 500)"),
      ],
      request: (values) => ({ method: "GET", path: `${BASE}/list`, query: pick(values, ["workflowUuid", "batchUuid", "statuses", "limit"]) }),
    },
    {
      name: "cancel",
      summary: "Cancel unfinished runs; answers which were cancelled",
      examples: ["relay orchestration run cancel <uuid> <uuid>", "relay orchestration run cancel --uuids <uuid>,<uuid>"],
      args: [{ key: "uuids", syntax: "[uuids...]", description: "the runs' uuids" }],
      options: [
        option.list("--uuids <uuids>", "the runs' uuids"),
        option.string("--workflow-uuid <uuid>", "accepted as cargo-ai takes it; runs are cancelled by uuid alone"),
      ],
      request(values) {
        if (!Array.isArray(values.uuids) || values.uuids.length === 0) throw new CliError("Give the runs to cancel: relay orchestration run cancel <uuid> … or --uuids a,b");
        return { method: "POST", path: `${BASE}/cancel`, body: { uuids: values.uuids } };
      },
    },
  ],
};
