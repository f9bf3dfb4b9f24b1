/** The integration slug under which the catalog lists built-in actions. */
export const NATIVE_INTEGRATION_SLUG = "native";

/**
 * Built-in action slugs the graph model knows, with their fixed number of children.
 * `switch` has one child per route; `group` is known here only (the engine runs it as a sub-graph).
 */
const FIXED_CHILDREN: Record<string, number> = {
  start: 1,
  end: 0,
  variables: 1,
  filter: 1,
  branch: 2,
  split: 2,
  delay: 1,
  httpRequest: 1,
  group: 1,
};

/** Every native actionSlug the graph model knows. */
export const NATIVE_ACTION_SLUGS: readonly string[] = [...Object.keys(FIXED_CHILDREN), "switch"];

/** Whether `actionSlug` is one of the built-in actions of {@link NATIVE_ACTION_SLUGS}. */
export function isKnownNativeAction(actionSlug: string): boolean {
  return NATIVE_ACTION_SLUGS.includes(actionSlug);
}

/**
 * Children of a built-in node: fixed per action, one per route for a switch (0 while its routes are
 * not a literal array); undefined for an action this model does not know.
 */
export function nativeChildrenCount(actionSlug: string, config: Record<string, unknown>): number | undefined {
  if (actionSlug === "switch") return Array.isArray(config.routes) ? config.routes.length : 0;
  return FIXED_CHILDREN[actionSlug];
}

/**
 * The group node's config schema. The catalog's native integration does not list `group` (it runs
 * as a sub-graph rather than an action), so validation uses this one unless the catalog has its own.
 */
export const GROUP_CONFIG_SCHEMA: Record<string, unknown> = {
  type: "object",
  required: ["items"],
  properties: {
    items: { $ref: "#/definitions/expression", title: "Items" },
    failOnItemFailure: { type: "boolean", title: "Fail when an item fails" },
    _nodes: { type: "array", title: "Nodes run for each item" },
  },
};
