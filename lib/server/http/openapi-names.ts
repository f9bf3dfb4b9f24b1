import type { ApiMethod } from "./api-route";

/**
 * Cargo-style namespaces: a path under one of these belongs to the area its second segment names
 * (`/connection/connectors/list` is in Connectors, `/storage/models/:uuid` in Models).
 */
const NAMESPACES = new Set(["connection", "orchestration", "storage", "segmentation", "workspace", "hooks"]);

/**
 * Areas a segment's own name would not say well: the account routes sit at the root, one segment
 * each; a workspace's invitations belong with its members.
 */
const AREA_NAMES: Record<string, string> = {
  "workspace/invitations": "Members",
  health: "System",
  "openapi.json": "System",
  setup: "Accounts",
  session: "Accounts",
  whoami: "Accounts",
  workspaces: "Accounts",
  invitations: "Accounts",
  apiTokens: "API tokens",
  nativeIntegration: "Integrations",
};

/** The route table's `:name` path in OpenAPI's form, `{name}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
}

/** The names of a path's parameters, in order. */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]!);
}

/**
 * A stable, unique id for a method and path, readable as a function name for generated clients.
 * @example operationIdFor("GET", "/connection/connectors/:uuid") // "getConnectionConnectorsByUuid"
 */
export function operationIdFor(method: ApiMethod, path: string): string {
  const words = path
    .split("/")
    .filter(Boolean)
    .map((segment) => (segment.startsWith(":") ? `By${capitalize(segment.slice(1))}` : capitalize(segment.replace(/[^A-Za-z0-9]+(.)?/g, (_, next?: string) => next?.toUpperCase() ?? ""))));
  return `${method.toLowerCase()}${words.join("")}`;
}

/**
 * The area (OpenAPI tag) a path is listed under, from its first segments, so a route file added
 * later lands in a sensible group with nothing to declare.
 * @example tagFor("/connection/customIntegrations/:uuid") // "Custom integrations"
 */
export function tagFor(path: string): string {
  const [first = "", second] = path.split("/").filter(Boolean);
  const segment = NAMESPACES.has(first) && second && !second.startsWith(":") ? second : first;
  return AREA_NAMES[`${first}/${segment}`] ?? AREA_NAMES[segment] ?? humanize(segment);
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `customIntegrations` → `Custom integrations`. */
function humanize(segment: string): string {
  return capitalize(segment.replace(/([a-z0-9])([A-Z])/g, (_, before: string, upper: string) => `${before} ${upper.toLowerCase()}`));
}
