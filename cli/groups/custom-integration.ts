import { byUuid, option, segment, uuidArg, type CommandContext, type GroupSpec, type Values } from "../command-table";
import { expectObject } from "../json-arg";
import { CliError } from "../output";

const BASE = "/connection/customIntegrations";

/** `relay connection custom-integration …`: integration servers registered by URL, and the local contract check. */
export const customIntegrationGroup: GroupSpec = {
  name: "custom-integration",
  summary: "Integration servers registered by URL; check a server against the contract locally",
  examples: ["relay connection custom-integration create --base-url https://crm.example.com", "relay connection custom-integration check http://127.0.0.1:3036"],
  commands: [
    {
      name: "list",
      summary: "List the registered servers",
      examples: ["relay connection custom-integration list"],
      request: () => ({ method: "GET", path: `${BASE}/list` }),
    },
    {
      name: "get",
      summary: "One registered server",
      examples: ["relay connection custom-integration get <uuid>"],
      args: [uuidArg("custom integration")],
      request: byUuid("GET", BASE),
    },
    {
      name: "create",
      summary: "Register a server; its manifest is fetched and validated first (every problem is listed otherwise)",
      examples: ["relay connection custom-integration create --base-url https://crm.example.com"],
      options: [option.string("--base-url <url>", "the server's http(s) address", true)],
      request: (values) => ({ method: "POST", path: BASE, body: { kind: "external", baseUrl: values.baseUrl } }),
    },
    {
      name: "preview",
      summary: "What registering a server would show, saving nothing",
      examples: ["relay connection custom-integration preview --base-url https://crm.example.com"],
      options: [option.string("--base-url <url>", "the server's http(s) address", true)],
      request: (values) => ({ method: "POST", path: `${BASE}/preview`, body: { kind: "external", baseUrl: values.baseUrl } }),
    },
    {
      name: "update",
      summary: "Move a registered server to a new URL (validated first; its connectors' secrets must be entered again)",
      examples: ["relay connection custom-integration update <uuid> --base-url https://crm-v2.example.com"],
      args: [uuidArg("custom integration")],
      options: [option.string("--base-url <url>", "the new http(s) address", true)],
      request: (values) => ({ method: "PUT", path: `${BASE}/${segment(values.uuid)}`, body: { baseUrl: values.baseUrl } }),
    },
    {
      name: "remove",
      summary: "Remove a registered server and its connectors",
      examples: ["relay connection custom-integration remove <uuid>"],
      args: [uuidArg("custom integration")],
      request: byUuid("DELETE", BASE),
    },
    {
      name: "refresh",
      summary: "Fetch a registered server's manifest again now",
      examples: ["relay connection custom-integration refresh <uuid>"],
      args: [uuidArg("custom integration")],
      request: byUuid("POST", BASE, "/refresh"),
    },
    {
      name: "check",
      summary: "Check an integration server against the custom-integration contract, locally (no Relay, no login needed)",
      examples: [
        "relay connection custom-integration check http://127.0.0.1:3036",
        "relay connection custom-integration check http://127.0.0.1:3036 --config @config.json --action-slug createRecord --record @record.json --json",
      ],
      args: [{ key: "baseUrl", syntax: "<base-url>", description: "the server's http(s) address" }],
      options: [
        option.json("--config <json>", "a connector config to call the server with (probes authenticate and the actions)"),
        option.string("--action-slug <slug>", "an action to execute once, with --record"),
        option.json("--record <json>", "the record (the action's config) for --action-slug"),
        option.int("--timeout <ms>", "give up on each call after this long"),
        option.flag("--json", "print the report as JSON rather than text"),
      ],
      run: check,
    },
  ],
};

/**
 * Runs the checker in this process, so integration developers can use it in their own CI. It is
 * imported here only, so the other commands do not load it.
 */
async function check(values: Values, context: CommandContext): Promise<undefined> {
  if (values.actionSlug !== undefined && values.record === undefined) throw new CliError("--action-slug needs --record (the action's config as JSON)");
  if (values.record !== undefined && values.actionSlug === undefined) throw new CliError("--record needs --action-slug");
  const { checkIntegration, formatReport } = await import("@/lib/integrations/checker");
  const report = await checkIntegration({
    baseUrl: String(values.baseUrl),
    config: values.config === undefined ? undefined : expectObject(values.config, "--config"),
    action: values.actionSlug === undefined ? undefined : { slug: String(values.actionSlug), record: expectObject(values.record, "--record") },
    timeoutMs: values.timeout as number | undefined,
    // The developer's own machine calls their own server: no outbound guard, localhost allowed.
    fetch: globalThis.fetch,
  });
  context.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report).replace(/\n?$/, "\n")}`);
  if (report.summary.errors > 0) context.exitCode = 1;
  return undefined;
}
