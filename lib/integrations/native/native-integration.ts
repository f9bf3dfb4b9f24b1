import type { Integration } from "@/lib/contract";
import { nativeActions } from "./native-actions";

export const NATIVE_INTEGRATION_SLUG = "native";

const icon =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="#5b5bd6" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><rect x="3" y="3" width="7" height="7" rx="1"/><rect x="14" y="14" width="7" height="7" rx="1"/><path d="M10 6.5h4a2 2 0 0 1 2 2V14"/></svg>';

/** The built-in integration: logic and utility actions that need no connector. */
export const nativeIntegration: Integration = {
  slug: NATIVE_INTEGRATION_SLUG,
  kind: "native",
  category: "freeform",
  name: "Built-in",
  description: "Logic and utilities for every workflow: branch, filter, switch, split, delay, variables and HTTP requests",
  icon,
  color: "#5b5bd6",
  url: "",
  layout: null,
  connector: { config: { jsonSchema: { type: "object", properties: {} }, uiSchema: {} } },
  users: null,
  actions: nativeActions,
  extractors: {},
  autocompletes: {},
  dynamicSchemas: {},
};
