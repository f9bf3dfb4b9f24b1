import type { RunResponseBody } from "@/lib/contract";
import { byUuid, option, pick, segment, uuidArg, type GroupSpec } from "../command-table";
import { finishRun, pollingInterval, waitOptions } from "../wait";
import { RUN_POLLING_MS } from "./run";

const TOOLS = "/orchestration/tools";

/** `relay orchestration tool …`: a workflow's deployed release behind a form and a webhook. */
export const toolGroup: GroupSpec = {
  name: "tool",
  summary: "Tools: on-demand workflows (their deployed release) with a form",
  examples: ["relay orchestration tool list", `relay orchestration tool run <uuid> --data '{"domain":"acme.com"}' --wait-until-finished`],
  commands: [
    {
      name: "list",
      summary: "List tools (name, workflowUuid, deployed release, webhook)",
      examples: ["relay orchestration tool list"],
      request: () => ({ method: "GET", path: `${TOOLS}/list` }),
    },
    {
      name: "get",
      summary: "One tool with its deployed release's form fields",
      examples: ["relay orchestration tool get <uuid>"],
      args: [uuidArg("tool")],
      request: byUuid("GET", TOOLS),
    },
    {
      name: "create",
      summary: "Make a workflow a tool",
      examples: ['relay orchestration tool create --workflow-uuid <uuid> --name "Enrich a company"'],
      options: [option.string("--workflow-uuid <uuid>", "the workflow", true), option.string("--name <name>", "its name", true), option.string("--description <text>", "what it does")],
      request: (values) => ({ method: "POST", path: TOOLS, body: pick(values, ["workflowUuid", "name", "description"]) }),
    },
    {
      name: "update",
      summary: "Rename a tool or change its description",
      examples: ['relay orchestration tool update <uuid> --description "Finds the company behind a domain"'],
      args: [uuidArg("tool")],
      options: [option.string("--name <name>", "a new name"), option.string("--description <text>", "a new description")],
      request: (values) => ({ method: "PUT", path: `${TOOLS}/${segment(values.uuid)}`, body: pick(values, ["name", "description"]) }),
    },
    {
      name: "remove",
      summary: "Remove a tool (its workflow and runs stay)",
      examples: ["relay orchestration tool remove <uuid>"],
      args: [uuidArg("tool")],
      request: byUuid("DELETE", TOOLS),
    },
    {
      name: "run",
      summary: "Run a tool's deployed release with its form's answers",
      examples: [`relay orchestration tool run <uuid> --data '{"domain":"acme.com"}' --wait-until-finished`],
      args: [uuidArg("tool")],
      options: [option.json("--data <json>", "the form's answers by field slug (default {})"), ...waitOptions(RUN_POLLING_MS)],
      async run(values, context) {
        const interval = pollingInterval(values, RUN_POLLING_MS);
        const wait = values.waitUntilFinished === true;
        const api = await context.api();
        const answer = await api.json<RunResponseBody>({
          method: "POST",
          path: `${TOOLS}/${segment(values.uuid)}/run`,
          query: wait ? { waitUntilFinished: true } : {},
          body: { data: values.data ?? {} },
        });
        return wait ? finishRun(context, api, answer, interval) : answer;
      },
    },
    {
      name: "rotate-webhook-secret",
      summary: "A new webhook secret, printed once; enables the webhook and ends the old secret (admins only)",
      examples: ["relay orchestration tool rotate-webhook-secret <uuid>"],
      args: [uuidArg("tool")],
      request: byUuid("POST", TOOLS, "/webhook/rotate"),
    },
    {
      name: "disable-webhook",
      summary: "Disable a tool's webhook (rotate-webhook-secret enables it again)",
      examples: ["relay orchestration tool disable-webhook <uuid>"],
      args: [uuidArg("tool")],
      request: byUuid("POST", TOOLS, "/webhook/disable"),
    },
  ],
};
