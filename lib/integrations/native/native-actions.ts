import type { ManifestAction } from "@/lib/contract";

const expression = { $ref: "#/definitions/expression" };
const variables = {
  type: "array",
  title: "Variables",
  items: {
    type: "object",
    required: ["name", "type"],
    properties: {
      name: { type: "string", title: "Name", pattern: "^\\w+$" },
      type: { type: "string", title: "Type", enum: ["string", "number", "boolean", "date", "array", "object", "any"], default: "any" },
      value: { ...expression, title: "Value" },
    },
  },
};

const action = (
  name: string,
  description: string,
  jsonSchema: Record<string, unknown>,
  children?: string[],
): ManifestAction => ({
  name,
  description,
  config: { jsonSchema: { type: "object", ...jsonSchema }, uiSchema: {} },
  ...(children && { children: children.map((text) => ({ text })) }),
});

/**
 * Built-in actions (`kind: "native"`), described in the same shape as an integration's actions so
 * the same forms and catalog render them. Their behaviour lives in the engine.
 */
export const nativeActions: Record<string, ManifestAction> = {
  start: action("Start", "Where every run begins; its output is the run's input data", { properties: {} }),
  end: action("End", "Ends the run; its variables become the workflow's output", { properties: { variables } }),
  variables: action("Variables", "Computes named values for later nodes", { properties: { variables } }),
  filter: action("Filter", "Stops the run when the condition is false", {
    required: ["filter"],
    properties: { filter: { ...expression, title: "Condition" } },
  }),
  branch: action(
    "Branch",
    "Follows the first child when the condition is true, the second otherwise",
    { required: ["condition"], properties: { condition: { ...expression, title: "Condition" } } },
    ["Yes", "No"],
  ),
  switch: action("Switch", "Follows the first route whose condition is true", {
    required: ["routes"],
    properties: {
      routes: {
        type: "array",
        title: "Routes",
        minItems: 1,
        items: {
          type: "object",
          required: ["name", "value"],
          properties: { name: { type: "string", title: "Name" }, uuid: { type: "string" }, value: { ...expression, title: "Condition" } },
        },
      },
    },
  }),
  split: action(
    "Split",
    "Sends a percentage of runs down the first child (A/B test)",
    { required: ["percentage"], properties: { percentage: { type: "number", title: "Percentage to A", minimum: 0, maximum: 100 } } },
    ["A", "B"],
  ),
  delay: action("Delay", "Waits before continuing", {
    required: ["minutes"],
    // At most a year: the engine's MAX_DELAY_MINUTES (lib/engine/delay.ts), which refuses more.
    properties: { minutes: { type: "number", title: "Minutes", minimum: 0, maximum: 366 * 24 * 60 } },
  }),
  // Run by runHttpRequest (http-request.ts): the body goes as JSON unless it is text; any status
  // is an output, only no answer (network failure, 30 s timeout) is an error.
  httpRequest: action("HTTP request", "Calls any HTTP endpoint and returns its status, headers and body (JSON parsed); a 4xx or 5xx answer is not an error", {
    required: ["method", "url"],
    properties: {
      method: { type: "string", title: "Method", enum: ["GET", "POST", "PUT", "PATCH", "DELETE"], default: "GET" },
      url: { ...expression, title: "URL" },
      headers: { type: "object", title: "Headers", additionalProperties: { type: "string" } },
      body: { ...expression, title: "Body", description: "Text is sent as is, anything else as JSON" },
    },
  }),
};
