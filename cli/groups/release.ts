import { byUuid, option, pick, segment, slugArg, uuidArg, type GroupSpec } from "../command-table";

const RELEASES = "/orchestration/releases";
const TEMPLATES = "/orchestration/templates";

/** `relay orchestration release …`: immutable deployed snapshots of a workflow's graph. */
export const releaseGroup: GroupSpec = {
  name: "release",
  summary: "Releases: the deployed snapshots of a workflow that tools and plays run",
  examples: ["relay orchestration release deploy --workflow-uuid <uuid>", "relay orchestration release list --workflow-uuid <uuid>"],
  commands: [
    {
      name: "list",
      summary: "A workflow's releases, newest first",
      examples: ["relay orchestration release list --workflow-uuid <uuid>"],
      options: [option.string("--workflow-uuid <uuid>", "the workflow", true), option.int("--limit <n>", "at most this many (default 50)")],
      request: (values) => ({ method: "GET", path: `${RELEASES}/list`, query: pick(values, ["workflowUuid", "limit"]) }),
    },
    {
      name: "get",
      summary: "One release with its graph",
      examples: ["relay orchestration release get <uuid>"],
      args: [uuidArg("release")],
      request: byUuid("GET", RELEASES),
    },
    {
      name: "get-deployed",
      summary: "The release a workflow's tool or play runs now",
      examples: ["relay orchestration release get-deployed --workflow-uuid <uuid>"],
      options: [option.string("--workflow-uuid <uuid>", "the workflow", true)],
      request: (values) => ({ method: "GET", path: `${RELEASES}/deployed`, query: pick(values, ["workflowUuid"]) }),
    },
    {
      name: "deploy",
      summary: "Validate a workflow's draft (or the graph given) and deploy it as a new release",
      examples: ['relay orchestration release deploy --workflow-uuid <uuid> --description "First version"', "relay orchestration release deploy --workflow-uuid <uuid> --version 2.0.0 --nodes @nodes.json"],
      options: [
        option.string("--workflow-uuid <uuid>", "the workflow", true),
        option.string("--version <version>", "x.y.z (default: the last one's patch plus one, 1.0.0 first)"),
        option.string("--description <text>", "what changed"),
        option.json("--nodes <json>", "deploy this graph instead of the draft"),
        option.json("--form-fields <json>", "deploy these form fields instead of the draft's"),
      ],
      request: (values) => ({ method: "POST", path: `${RELEASES}/deployDraft`, body: pick(values, ["workflowUuid", "version", "description", "nodes", "formFields"]) }),
    },
    {
      name: "redeploy",
      summary: "Roll back: deploy an earlier release's graph as a new release",
      examples: ["relay orchestration release redeploy <uuid>"],
      args: [uuidArg("release")],
      options: [option.string("--version <version>", "x.y.z for the new release"), option.string("--description <text>", 'default "Rollback to <version>"')],
      request: (values) => ({ method: "POST", path: `${RELEASES}/${segment(values.uuid)}/redeploy`, body: pick(values, ["version", "description"]) }),
    },
  ],
};

/** `relay orchestration template …`: ready-made tool and play graphs. */
export const templateGroup: GroupSpec = {
  name: "template",
  summary: "Templates: ready-made tools and plays with connector placeholders",
  examples: ["relay orchestration template list", "relay orchestration template get <slug>"],
  commands: [
    {
      name: "list",
      summary: "The templates (slug, name, kind), without their graphs",
      examples: ["relay orchestration template list"],
      request: () => ({ method: "GET", path: `${TEMPLATES}/list` }),
    },
    {
      name: "get",
      summary: "One template with its graph (connector nodes hold __REPLACE_WITH_CONNECTOR_UUID__:<integrationSlug>)",
      examples: ["relay orchestration template get <slug>"],
      args: [slugArg("template")],
      request: (values) => ({ method: "GET", path: `${TEMPLATES}/${segment(values.slug)}` }),
    },
    {
      name: "use",
      summary: "Create a workflow from a template, with a connector for each integration it needs",
      examples: [`relay orchestration template use <slug> --name "My tool" --connector-uuids-by-integration-slug '{"demo_crm":"<uuid>"}'`],
      args: [slugArg("template")],
      options: [
        option.string("--name <name>", "the workflow's name (default: the template's)"),
        option.json("--connector-uuids-by-integration-slug <json>", "{integrationSlug: connectorUuid}"),
      ],
      request: (values) => ({ method: "POST", path: `${TEMPLATES}/${segment(values.slug)}/use`, body: pick(values, ["name", "connectorUuidsByIntegrationSlug"]) }),
    },
  ],
};
