import { option, pick, segment, slugArg, type GroupSpec } from "../command-table";

/** `relay connection integration …`: the catalog, read-only. */
export const integrationGroup: GroupSpec = {
  name: "integration",
  summary: "Integrations in the catalog (built-in, SDK and custom) and their actions",
  examples: ["relay connection integration list --has-actions true", "relay connection integration get demo_crm"],
  commands: [
    {
      name: "list",
      summary: "List integrations, optionally filtered",
      examples: ["relay connection integration list", 'relay connection integration list --category sales --search "crm"'],
      options: [
        option.string("--category <category>", "engagement, marketing, sales, finance, analytics, freeform, success, support, enrichment, storage or custom"),
        option.string("--search <text>", "matches name, slug and description"),
        option.string("--slug <slug>", "one integration by its slug"),
        option.string("--slugs <slugs>", "several integrations (comma-separated slugs)"),
        option.string("--has-actions <boolean>", "true: only integrations with actions (usable in workflow nodes)"),
        option.string("--has-extractors <boolean>", "true: only integrations with extractors (can feed models)"),
      ],
      request: (values) => ({
        method: "GET",
        path: "/connection/integrations/list",
        query: pick(values, ["category", "search", "slug", "slugs", "hasActions", "hasExtractors"]),
      }),
    },
    {
      name: "get",
      summary: "One integration with its actions, extractors, autocompletes and connector config",
      examples: ["relay connection integration get demo_crm"],
      args: [slugArg("integration")],
      request: (values) => ({ method: "GET", path: `/connection/integrations/${segment(values.slug)}` }),
    },
    {
      name: "get-documentation",
      summary: "An integration's documentation as text, under `documentation`",
      examples: ["relay connection integration get-documentation demo_crm | jq -r .documentation"],
      args: [slugArg("integration")],
      async run(values, context) {
        const response = await (await context.api()).send({ method: "GET", path: `/connection/integrations/${segment(values.slug)}/documentation` });
        return { documentation: await response.text() };
      },
    },
  ],
};

/** `relay connection native-integration get`: the built-in actions (not a third party's). */
export const nativeIntegrationGroup: GroupSpec = {
  name: "native-integration",
  summary: "The built-in actions and extractors (start, end, branch, httpRequest, …)",
  examples: ["relay connection native-integration get"],
  commands: [
    {
      name: "get",
      summary: "The built-in actions and extractors",
      examples: ["relay connection native-integration get | jq '.nativeIntegration.actions | keys'"],
      request: () => ({ method: "GET", path: "/connection/nativeIntegration" }),
    },
  ],
};
