import { z } from "zod";
import { ActionExecuted, AutocompleteResponseBody, DynamicSchemaResponseBody, ListUsersResponseBody } from "../integration";
import { IsoDateTime, Uuid } from "./common";

/** Connector slugs use Cargo's alphabet so they can be referenced from node graphs. */
export const ConnectorSlug = z
  .string()
  .min(1, "Slug is required")
  .max(64, "Slug is at most 64 characters")
  .regex(/^[a-zA-Z0-9_]+$/, "Slug may contain only letters, digits and underscores")
  .describe("Unique per workspace, [a-zA-Z0-9_]");

export const ConnectorConfig = z.record(z.string(), z.unknown()).describe("Values of the integration's connector config form");

export const ConnectorTest = z.object({
  outcome: z.enum(["success", "error"]),
  errorMessage: z.string().nullable(),
  testedAt: IsoDateTime,
});
export type ConnectorTest = z.infer<typeof ConnectorTest>;

/** The `reason` of the error answered when a locked connector would have been used. */
export const CONNECTOR_SECRETS_LOCKED = "connectorSecretsLocked";

/** A config field's location, one property name per level: `["auth", "apiKey"]`. */
export const ConfigFieldPath = z.array(z.string()).min(1);

/**
 * Set while a connector's secrets were saved for another server than the one its integration
 * now points at: nothing is sent until they are entered again (PUT with new values, not the mask).
 */
export const ConnectorSecretsLock = z.object({
  reason: z.literal("integrationMoved"),
  baseUrl: z.string().describe("Where the integration server is now"),
  fields: z.array(ConfigFieldPath).describe("The secret fields to enter again"),
});
export type ConnectorSecretsLock = z.infer<typeof ConnectorSecretsLock>;

/** An authenticated instance of an integration. Secret config fields come back masked. */
export const Connector = z.object({
  uuid: Uuid,
  workspaceUuid: Uuid,
  integrationSlug: z.string(),
  slug: ConnectorSlug,
  name: z.string(),
  config: ConnectorConfig.describe("Config with every secret field replaced by a mask"),
  useCredits: z.literal(false).describe("Always false: credentials are the workspace's own"),
  rateLimit: z.null(),
  cacheTtlMilliseconds: z.null(),
  lastTest: ConnectorTest.nullable().describe("The last authenticate call's result"),
  secretFields: z
    .array(ConfigFieldPath)
    .describe("The config fields kept secret: those recorded when it was saved plus the manifest's current ones"),
  secretsLocked: z.boolean().describe("True until the secrets are entered again after the integration moved; nothing is sent meanwhile"),
  secretsLock: ConnectorSecretsLock.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  deletedAt: z.null(),
});
export type Connector = z.infer<typeof Connector>;

export const CreateConnectorRequestBody = z.object({
  integrationSlug: z.string().min(1),
  slug: ConnectorSlug,
  name: z.string().trim().min(1, "Name is required").max(200),
  config: ConnectorConfig,
});
export type CreateConnectorRequestBody = z.infer<typeof CreateConnectorRequestBody>;

export const UpdateConnectorRequestBody = z
  .object({
    name: z.string().trim().min(1, "Name is required").max(200).optional(),
    config: ConnectorConfig.optional().describe("Send the mask back for a secret to keep it unchanged"),
  })
  .refine((body) => body.name !== undefined || body.config !== undefined, "Send name, config or both");
export type UpdateConnectorRequestBody = z.infer<typeof UpdateConnectorRequestBody>;

export const ConnectorResponseBody = z.object({ connector: Connector });
export type ConnectorResponseBody = z.infer<typeof ConnectorResponseBody>;

export const ConnectorListQuery = z.object({ integrationSlug: z.string().optional() });
export const ConnectorListResponseBody = z.object({ connectors: z.array(Connector) });
export type ConnectorListResponseBody = z.infer<typeof ConnectorListResponseBody>;

export const ConnectorExistsQuery = z.object({ slug: z.string().min(1) });
export const ConnectorExistsResponseBody = z.object({ exists: z.boolean() });
export type ConnectorExistsResponseBody = z.infer<typeof ConnectorExistsResponseBody>;

/** Said on success when nothing could be checked (an SDK integration without an authenticate call). */
const AuthenticateNote = z.string().optional().describe("A note on a success, e.g. that nothing could be checked");

export const ConnectorAuthenticateResponseBody = z.object({
  outcome: z.enum(["success", "error"]),
  errorMessage: z.string().optional(),
  message: AuthenticateNote,
  connector: Connector,
});
export type ConnectorAuthenticateResponseBody = z.infer<typeof ConnectorAuthenticateResponseBody>;

export const ConnectorAutocompleteRequestBody = z.object({
  slug: z.string().min(1),
  params: z.record(z.string(), z.unknown()).default({}),
  value: z.unknown().optional().describe("Search text or the current value"),
  refresh: z.boolean().optional().describe("Bypass the cache"),
});
export type ConnectorAutocompleteRequestBody = z.infer<typeof ConnectorAutocompleteRequestBody>;
export const ConnectorAutocompleteResponseBody = AutocompleteResponseBody;

export const ConnectorDynamicSchemaRequestBody = z.object({
  slug: z.string().min(1),
  params: z.record(z.string(), z.unknown()).default({}),
});
export type ConnectorDynamicSchemaRequestBody = z.infer<typeof ConnectorDynamicSchemaRequestBody>;
export const ConnectorDynamicSchemaResponseBody = DynamicSchemaResponseBody;

export const ConnectorListUsersResponseBody = z.object({ users: ListUsersResponseBody });

export const ConnectorStartOauthRequestBody = z.object({
  redirectUri: z.url().describe("Where the authorize page sends the user back; completeOauth must send the same"),
  connectorUuid: Uuid.optional().describe("The connector completeOauth will store the value into; omit when the value goes back to a form"),
});
export type ConnectorStartOauthRequestBody = z.infer<typeof ConnectorStartOauthRequestBody>;

export const ConnectorStartOauthResponseBody = z.object({
  state: z.string().describe("Send as `state` to the authorize page and back to completeOauth; single use, bound to this request"),
  expiresAt: IsoDateTime.describe("After this, completeOauth refuses the state"),
});
export type ConnectorStartOauthResponseBody = z.infer<typeof ConnectorStartOauthResponseBody>;

export const ConnectorCompleteOauthRequestBody = z.object({
  connectorUuid: Uuid.optional().describe("Store the token into this connector; omit to just get the value. Must match startOauth"),
  state: z.string().min(1).describe("The state startOauth issued, as the authorize page sent it back"),
  code: z.string().min(1).describe("The authorization code the authorize page sent back"),
  redirectUri: z.url().describe("The same redirect URI given to startOauth"),
  field: z.string().optional().describe("Config field that receives the value; defaults to the OAuth widget's field"),
});
export type ConnectorCompleteOauthRequestBody = z.infer<typeof ConnectorCompleteOauthRequestBody>;

export const ConnectorCompleteOauthResponseBody = z.object({
  connector: Connector.optional().describe("The connector the value was stored into"),
  value: z.string().optional().describe("The value, only when no connector was given"),
});

export const ExecuteConnectorActionParams = z.object({ uuid: Uuid, actionSlug: z.string().min(1) });
export const ExecuteConnectorActionRequestBody = z.object({
  config: z.record(z.string(), z.unknown()).describe("The action's config, as its form produced it"),
});
export type ExecuteConnectorActionRequestBody = z.infer<typeof ExecuteConnectorActionRequestBody>;

/**
 * The integration's `executed` outcome as it answered it (its optional fields, and any of its own,
 * pass through), after any `executing` answers were polled through.
 */
export const ExecuteConnectorActionResponseBody = ActionExecuted.extend({
  attempts: z.number().int().describe("Calls made, `executing` answers included"),
});
export type ExecuteConnectorActionResponseBody = z.infer<typeof ExecuteConnectorActionResponseBody>;

export const TestConnectorConfigRequestBody = z.object({ integrationSlug: z.string().min(1), config: ConnectorConfig });
export type TestConnectorConfigRequestBody = z.infer<typeof TestConnectorConfigRequestBody>;
export const TestConnectorConfigResponseBody = z.object({
  outcome: z.enum(["success", "error"]),
  errorMessage: z.string().optional().describe("The integration's reason, when it refused"),
  message: AuthenticateNote,
});
export type TestConnectorConfigResponseBody = z.infer<typeof TestConnectorConfigResponseBody>;
