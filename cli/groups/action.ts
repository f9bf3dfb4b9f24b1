import type { BatchResponseBody, RunResponseBody } from "@/lib/contract";
import { option, pick, type GroupSpec } from "../command-table";
import { finishBatch, finishRun, pollingInterval, waitOptions } from "../wait";
import { BATCH_POLLING_MS, webhookOptions } from "./batch";
import { RUN_POLLING_MS } from "./run";

/** `relay orchestration action …`: one action without building a workflow, on one record or many. */
export const actionGroup: GroupSpec = {
  name: "action",
  summary: "Execute one action (a connector's or a built-in) on one record, or on many as a batch",
  examples: [
    `relay orchestration action execute --action '{"kind":"native","actionSlug":"variables"}' --data '{"variables":[]}'`,
    `relay orchestration action execute-batch --action @action.json --records @records.json --wait-until-finished`,
  ],
  commands: [
    {
      name: "execute",
      summary: "Execute one action as a run (start → the action), --data being its config; answers once it ends",
      examples: [
        `relay orchestration action execute --action '{"kind":"connector","integrationSlug":"demo_crm","actionSlug":"createRecord","connectorUuid":"<uuid>"}' --data '{"objectType":"contacts","fields":{"email":"ada@example.com"}}'`,
        `relay orchestration action execute --action '{"kind":"native","actionSlug":"variables"}' --data @config.json --wait-until-finished`,
      ],
      options: [
        option.json("--action <json>", '{kind:"connector", integrationSlug, actionSlug, connectorUuid} or {kind:"native", actionSlug}', true),
        option.json("--data <json>", "the action's config (literals or expressions over nodes.start); default {}"),
        ...waitOptions(RUN_POLLING_MS),
      ],
      async run(values, context) {
        const interval = pollingInterval(values, RUN_POLLING_MS);
        const api = await context.api();
        const answer = await api.json<RunResponseBody>({ method: "POST", path: "/orchestration/actions/execute", body: { data: {}, ...pick(values, ["action", "data"]) } });
        // The API already answers once the run ends; finishRun polls only a run it handed back unfinished.
        return values.waitUntilFinished ? finishRun(context, api, answer, interval) : answer;
      },
    },
    {
      name: "execute-batch",
      summary: "Execute one action once per record, as a batch (each record is one run's config)",
      examples: [
        `relay orchestration action execute-batch --action '{"kind":"native","actionSlug":"variables"}' --records '[{"variables":[]},{"variables":[]}]'`,
        "relay orchestration action execute-batch --action @action.json --records @records.json --wait-until-finished --polling-interval 5000",
      ],
      options: [
        option.json("--action <json>", "the action, as for execute", true),
        option.json("--records <json>", "an array of records", true),
        ...webhookOptions,
        ...waitOptions(BATCH_POLLING_MS),
      ],
      async run(values, context) {
        const interval = pollingInterval(values, BATCH_POLLING_MS);
        const api = await context.api();
        const body = pick(values, ["action", "records", "webhookUrl", "webhookSecret"]);
        const answer = await api.json<BatchResponseBody>({ method: "POST", path: "/orchestration/actions/executeBatch", body });
        return values.waitUntilFinished ? finishBatch(context, api, answer, interval) : answer;
      },
    },
  ],
};
