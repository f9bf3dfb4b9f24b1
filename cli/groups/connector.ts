import type { TestConnectorConfigResponseBody } from "@/lib/contract";
import { byUuid, option, pick, segment, uuidArg, type GroupSpec } from "../command-table";

const BASE = "/connection/connectors";

/** `relay connection connector …`: an integration plus credentials; secrets come back masked. */
export const connectorGroup: GroupSpec = {
  name: "connector",
  summary: "Connectors: an integration with its credentials, what workflow nodes call",
  examples: ["relay connection connector list --integration-slug demo_crm", "relay connection connector get <uuid>"],
  commands: [
    {
      name: "list",
      summary: "List connectors",
      examples: ["relay connection connector list", "relay connection connector list --integration-slug demo_crm"],
      options: [option.string("--integration-slug <slug>", "only the connectors of this integration")],
      request: (values) => ({ method: "GET", path: `${BASE}/list`, query: pick(values, ["integrationSlug"]) }),
    },
    {
      name: "get",
      summary: "One connector (secrets masked)",
      examples: ["relay connection connector get <uuid>"],
      args: [uuidArg("connector")],
      request: byUuid("GET", BASE),
    },
    {
      name: "create",
      summary: "Create a connector; the integration must accept the config first (nothing is saved otherwise)",
      examples: [
        `relay connection connector create --integration-slug demo_crm --slug demo_prod --name "Demo CRM" --config '{"apiKey":"demo-api-key","region":"eu"}'`,
        "relay connection connector create --integration-slug demo_crm --slug demo_prod --name Demo --config @demo-config.json",
      ],
      options: [
        option.string("--integration-slug <slug>", "the integration it connects to", true),
        option.string("--slug <slug>", "a unique identifier, used in workflow graphs", true),
        option.string("--name <name>", "the display name", true),
        option.json("--config <json>", "the integration's connector config, credentials included (default {})"),
      ],
      request: (values) => ({ method: "POST", path: BASE, body: { config: {}, ...pick(values, ["integrationSlug", "slug", "name", "config"]) } }),
    },
    {
      name: "update",
      summary: "Rename a connector or change its config (send a secret's mask back to keep it)",
      examples: ['relay connection connector update --uuid <uuid> --name "Demo CRM (staging)"', "relay connection connector update <uuid> --config @config.json"],
      args: [uuidArg("connector")],
      options: [option.string("--name <name>", "a new display name"), option.json("--config <json>", "a new config")],
      request: (values) => ({ method: "PUT", path: `${BASE}/${segment(values.uuid)}`, body: pick(values, ["name", "config"]) }),
    },
    {
      name: "remove",
      summary: "Remove a connector",
      examples: ["relay connection connector remove <uuid>"],
      args: [uuidArg("connector")],
      request: byUuid("DELETE", BASE),
    },
    {
      name: "exists-by-slug",
      summary: "Whether a connector slug is taken",
      examples: ["relay connection connector exists-by-slug --slug demo_prod"],
      options: [option.string("--slug <slug>", "the slug to check", true)],
      request: (values) => ({ method: "GET", path: `${BASE}/existsBySlug`, query: pick(values, ["slug"]) }),
    },
    {
      name: "test",
      summary: "Test a config against the integration without saving it; exits 1 when the integration refuses it",
      examples: [`relay connection connector test --integration-slug demo_crm --config '{"apiKey":"demo-api-key","region":"eu"}'`],
      options: [option.string("--integration-slug <slug>", "the integration to ask", true), option.json("--config <json>", "the connector config to test (default {})")],
      async run(values, context) {
        const body = { config: {}, ...pick(values, ["integrationSlug", "config"]) };
        const answer = await (await context.api()).json<TestConnectorConfigResponseBody>({ method: "POST", path: `${BASE}/test`, body });
        // The route answers a refusal with 200 and the reason; a script's `&&` must still stop on it.
        if (answer.outcome !== "success") context.exitCode = 1;
        return answer;
      },
    },
    {
      name: "authenticate",
      summary: "Test a connector's saved credentials again and record the outcome",
      examples: ["relay connection connector authenticate <uuid>"],
      args: [uuidArg("connector")],
      request: byUuid("POST", BASE, "/authenticate"),
    },
    {
      name: "autocomplete",
      summary: "The values an autocomplete field accepts (its slug is in the action's uiSchema ui:options)",
      examples: [
        "relay connection connector autocomplete --connector-uuid <uuid> --slug listObjects --params '{}'",
        `relay connection connector autocomplete --connector-uuid <uuid> --slug listObjectProperties --params '{"objectType":"contacts"}'`,
      ],
      options: [
        option.string("--connector-uuid <uuid>", "the connector to ask", true),
        option.string("--slug <slug>", "the autocomplete's slug", true),
        option.json("--params <json>", "its parameters (default {})"),
        option.string("--value <text>", "search text"),
        option.flag("--refresh", "bypass the cache"),
      ],
      request: (values) => ({
        method: "POST",
        path: `${BASE}/${segment(values.connectorUuid)}/autocomplete`,
        body: { params: {}, ...pick(values, ["slug", "params", "value", "refresh"]) },
      }),
    },
    {
      name: "dynamic-schema",
      summary: "A dynamic sub-form's {jsonSchema, uiSchema} (its slug is in the action's uiSchema ui:options)",
      examples: [`relay connection connector dynamic-schema --connector-uuid <uuid> --slug recordFields --params '{"objectType":"contacts"}'`],
      options: [
        option.string("--connector-uuid <uuid>", "the connector to ask", true),
        option.string("--slug <slug>", "the dynamic schema's slug", true),
        option.json("--params <json>", "its parameters (default {})"),
      ],
      request: (values) => ({ method: "POST", path: `${BASE}/${segment(values.connectorUuid)}/dynamicSchema`, body: { params: {}, ...pick(values, ["slug", "params"]) } }),
    },
    {
      name: "list-users",
      summary: "The users the connector's integration lists (owners to assign records to)",
      examples: ["relay connection connector list-users <uuid>"],
      args: [uuidArg("connector")],
      request: byUuid("POST", BASE, "/listUsers"),
    },
  ],
};
