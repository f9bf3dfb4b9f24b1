import type { z } from "zod";
import type { Integration, IntegrationCategory, ManifestAction } from "@/lib/contract";
import { actionConfigSchema, toJsonSchema } from "./action-config-schema";
import { connectorConfigSchema, type NativeAuth, type NativeAuthType } from "./sdk-auth";

export { NativeActionError, providerError, type NativeActionErrorKind } from "./native-action-error";
export { readJson, readText, MAX_NATIVE_RESPONSE_BYTES } from "./read-response";
export { bearerTokenOf, connectorConfigSchema, resolveBaseUrl, toAuth, type NativeAuth, type NativeAuthType } from "./sdk-auth";
export { actionConfigSchema, toJsonSchema } from "./action-config-schema";

/** What `run()` receives (as in the integration SDK): credentials, parsed inputs, ids for logging, and the HTTP tools. */
export interface NativeActionContext<I = Record<string, unknown>> {
  auth: NativeAuth;
  /** The inputs after `inputSchema` parsed them (defaults applied). */
  inputs: I;
  workspaceUuid: string;
  runId: string;
  /** Aborted when the caller cancels or the 30 s budget runs out; `fetch` already listens to it. */
  signal: AbortSignal;
  /** The connector's API base URL (its `baseUrl` field, else the provider's), no trailing slash. */
  baseUrl: string;
  fetch: typeof fetch;
}

/** What an integration's `authenticate()` receives: an action context without inputs or run. */
export type NativeAuthenticateContext = Omit<NativeActionContext, "inputs" | "runId">;

/** One SDK action: a stable key (`slack.sendMessage`), a zod inputSchema and an async `run`. */
export interface NativeAction<S extends z.ZodObject = z.ZodObject> {
  /** `<provider>.<action>`; workflow nodes reference it as their actionSlug. */
  key: string;
  name: string;
  description?: string;
  provider: string;
  authType: NativeAuthType;
  inputSchema: S;
  /** Checked against what `run` returns; also shown as the action's output schema. */
  outputSchema?: z.ZodType;
  run(ctx: NativeActionContext<z.output<S>>): Promise<unknown>;
}

/**
 * Declares an action; the identity function that gives `run` its typed inputs.
 * @example
 * defineNativeAction({ key: "hello.world", name: "Hello", provider: "hello", authType: "api_key",
 *   inputSchema: z.object({ name: z.string() }), run: async ({ inputs }) => ({ message: `Hello ${inputs.name}` }) });
 */
export function defineNativeAction<S extends z.ZodObject>(action: NativeAction<S>): NativeAction<S> {
  return action;
}

export interface NativeIntegrationDefinition {
  slug: string;
  name: string;
  description: string;
  /** Inline SVG markup (or an https/data URL); shown only as an image. */
  icon: string;
  color: string;
  /** The vendor's homepage. */
  url?: string;
  category: IntegrationCategory;
  authType: NativeAuthType;
  /** The provider's real API root; a connector's `baseUrl` field overrides it. */
  defaultBaseUrl: string;
  actions: NativeAction[];
  /** A cheap call that proves the credentials work; without it, credentials are tried on first use. */
  authenticate?(ctx: NativeAuthenticateContext): Promise<void>;
}

/** A defined SDK integration: the definition, its catalog view and its actions by key. */
export interface NativeIntegration extends NativeIntegrationDefinition {
  integration: Integration;
  action(key: string): NativeAction | undefined;
}

/**
 * Declares an integration whose actions run inside the app, and builds the `Integration` view the
 * catalog, the forms and the connector routes read. Throws on an action that does not belong.
 */
export function defineNativeIntegration(definition: NativeIntegrationDefinition): NativeIntegration {
  const byKey = new Map<string, NativeAction>();
  for (const action of definition.actions) {
    const where = `Action "${action.key}" of integration "${definition.slug}"`;
    if (!action.key.startsWith(`${definition.slug}.`)) throw new Error(`${where}: its key must start with "${definition.slug}."`);
    if (action.provider !== definition.slug) throw new Error(`${where}: its provider is "${action.provider}"`);
    if (action.authType !== definition.authType) throw new Error(`${where}: it expects ${action.authType}, the integration ${definition.authType}`);
    if (byKey.has(action.key)) throw new Error(`${where}: the key is declared twice`);
    byKey.set(action.key, action);
  }
  return { ...definition, integration: toIntegration(definition), action: (key) => byKey.get(key) };
}

function toIntegration(definition: NativeIntegrationDefinition): Integration {
  return {
    slug: definition.slug,
    // "custom" is the kind whose integrations take connectors (wizard, playground, detail page);
    // `layout: null` tells an in-app integration from a registered server.
    kind: "custom",
    category: definition.category,
    name: definition.name,
    description: definition.description,
    icon: definition.icon,
    color: definition.color,
    url: definition.url ?? "",
    layout: null,
    connector: { config: connectorConfigSchema(definition.authType, definition.defaultBaseUrl) },
    users: null,
    actions: Object.fromEntries(definition.actions.map((action) => [action.key, toManifestAction(action)])),
    extractors: {},
    autocompletes: {},
    dynamicSchemas: {},
  };
}

function toManifestAction(action: NativeAction): ManifestAction {
  return {
    name: action.name,
    description: action.description ?? "",
    config: actionConfigSchema(action.inputSchema),
    ...(action.outputSchema && { output: { schema: toJsonSchema(action.outputSchema, "output") } }),
  };
}
