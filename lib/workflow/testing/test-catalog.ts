import type { CatalogAction, ValidationCatalog } from "../catalog";

// A copy of the built-in integration's action schemas (lib/integrations/native), which this
// folder may not import; lib/server's validate-nodes test checks the real one agrees.
const expression = { $ref: "#/definitions/expression" };
const variables = {
  type: "array",
  items: {
    type: "object",
    required: ["name", "type"],
    properties: {
      name: { type: "string", pattern: "^\\w+$" },
      type: { type: "string", enum: ["string", "number", "boolean", "date", "array", "object", "any"] },
      value: expression,
    },
  },
};
const action = (name: string, jsonSchema: Record<string, unknown>, children?: string[]): CatalogAction => ({
  name,
  jsonSchema: { type: "object", ...jsonSchema },
  ...(children && { children: children.map((text) => ({ text })) }),
});

/** The built-in actions as the catalog's "native" integration lists them (no `group`). */
export const nativeTestActions: Record<string, CatalogAction> = {
  start: action("Start", { properties: {} }),
  end: action("End", { properties: { variables } }),
  variables: action("Variables", { properties: { variables } }),
  filter: action("Filter", { required: ["filter"], properties: { filter: expression } }),
  branch: action("Branch", { required: ["condition"], properties: { condition: expression } }, ["Yes", "No"]),
  switch: action("Switch", {
    required: ["routes"],
    properties: {
      routes: {
        type: "array",
        minItems: 1,
        items: { type: "object", required: ["name", "value"], properties: { name: { type: "string" }, uuid: { type: "string" }, value: expression } },
      },
    },
  }),
  split: action("Split", { required: ["percentage"], properties: { percentage: { type: "number", minimum: 0, maximum: 100 } } }, ["A", "B"]),
  delay: action("Delay", { required: ["minutes"], properties: { minutes: { type: "number", minimum: 0 } } }),
  httpRequest: action("HTTP request", {
    required: ["method", "url"],
    properties: {
      method: { type: "string", enum: ["GET", "POST", "PUT", "PATCH", "DELETE"] },
      url: expression,
      headers: { type: "object", additionalProperties: { type: "string" } },
      body: expression,
    },
  }),
};

/** A CRM-like integration: createRecord (as the demo's), a two-child action and one with a closed output. */
export const crmTestActions: Record<string, CatalogAction> = {
  createRecord: action("Create record", {
    required: ["objectType", "fields"],
    properties: { objectType: { type: "string" }, fields: { type: "object" } },
  }),
  findRecord: action("Find record", { required: ["email"], properties: { email: { type: "string" } } }, ["Found", "Not found"]),
  lookupRecord: {
    ...action("Lookup record", { properties: { id: { type: "string" } } }),
    outputSchema: { type: "object", properties: { id: { type: "string" }, email: { type: "string" } }, additionalProperties: false },
  },
};

export const CRM_CONNECTOR_UUID = "c0000000-0000-4000-8000-000000000001";
export const OTHER_CONNECTOR_UUID = "c0000000-0000-4000-8000-000000000002";

/** A catalog with the built-ins, a "crm" integration with one connector, and a connector of another integration. */
export function makeTestCatalog(overrides: Partial<ValidationCatalog> = {}): ValidationCatalog {
  return {
    integrations: {
      native: { name: "Built-in", actions: nativeTestActions },
      crm: { name: "CRM", actions: crmTestActions },
    },
    connectors: [
      { uuid: CRM_CONNECTOR_UUID, integrationSlug: "crm" },
      { uuid: OTHER_CONNECTOR_UUID, integrationSlug: "mailer" },
    ],
    ...overrides,
  };
}
