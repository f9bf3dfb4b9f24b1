import type { ConfigSchema } from "@/lib/contract";
import { NativeActionError } from "./native-action-error";

/** The credential shape an integration expects (the integration SDK's "Integration structure"). */
export type NativeAuthType = "oauth2" | "api_key" | "bearer_token";

/** The normalized credentials `run()` receives, decrypted from the connector's config. */
export type NativeAuth =
  | { provider: string; type: "api_key"; api_key: string }
  | { provider: string; type: "oauth2"; access_token: string; refresh_token?: string }
  | { provider: string; type: "bearer_token"; token: string };

const secret = (title: string) => ({ type: "string", title, format: "password" });

const credentialFields: Record<NativeAuthType, { required: string[]; properties: Record<string, object> }> = {
  oauth2: { required: ["access_token"], properties: { access_token: secret("Access token"), refresh_token: secret("Refresh token") } },
  api_key: { required: ["api_key"], properties: { api_key: secret("API key") } },
  bearer_token: { required: ["token"], properties: { token: secret("Token") } },
};

/**
 * The connector config form of an SDK integration, derived from its authType: the credential
 * fields (secret, so the vault masks them) and an optional API base URL.
 * @example
 * connectorConfigSchema("api_key", "https://api.openai.com").jsonSchema.required // → ["api_key"]
 */
export function connectorConfigSchema(authType: NativeAuthType, defaultBaseUrl: string): ConfigSchema {
  const { required, properties } = credentialFields[authType];
  return {
    jsonSchema: {
      type: "object",
      required,
      properties: {
        ...properties,
        baseUrl: {
          type: "string",
          title: "API base URL",
          description: "Change it only to go through a proxy or a test server",
          format: "uri",
          default: defaultBaseUrl,
        },
      },
    },
    uiSchema: {},
  };
}

/**
 * The `auth` object of `run()` from a decrypted connector config, checked against the authType.
 * Throws `invalidCredentials` when a required credential is missing.
 * @example
 * toAuth("openai", "api_key", { api_key: "sk-1" }) // → { provider: "openai", type: "api_key", api_key: "sk-1" }
 */
export function toAuth(provider: string, authType: NativeAuthType, config: Record<string, unknown>): NativeAuth {
  const field = (name: string, required: boolean): string | undefined => {
    const value = config[name];
    if (typeof value === "string" && value !== "") return value;
    if (required) throw new NativeActionError("invalidCredentials", `The ${provider} connector has no ${name}; its integration expects ${authType} credentials`);
    return undefined;
  };
  switch (authType) {
    case "api_key":
      return { provider, type: "api_key", api_key: field("api_key", true)! };
    case "bearer_token":
      return { provider, type: "bearer_token", token: field("token", true)! };
    case "oauth2": {
      const refreshToken = field("refresh_token", false);
      return { provider, type: "oauth2", access_token: field("access_token", true)!, ...(refreshToken && { refresh_token: refreshToken }) };
    }
  }
}

/** The token to send as `Authorization: Bearer`, whatever the credential type. */
export function bearerTokenOf(auth: NativeAuth): string {
  if (auth.type === "oauth2") return auth.access_token;
  if (auth.type === "api_key") return auth.api_key;
  return auth.token;
}

/** Every secret value in `auth`, for removing them from error messages. */
export function secretsOf(auth: NativeAuth): string[] {
  if (auth.type === "oauth2") return [auth.access_token, auth.refresh_token ?? ""].filter(Boolean);
  return [bearerTokenOf(auth)];
}

/** The API base URL of a connector: its `baseUrl` when set, else the provider's; no trailing slash. */
export function resolveBaseUrl(config: Record<string, unknown>, defaultBaseUrl: string): string {
  const raw = typeof config.baseUrl === "string" && config.baseUrl.trim() !== "" ? config.baseUrl.trim() : defaultBaseUrl;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new NativeActionError("invalidCredentials", `The API base URL "${raw}" is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new NativeActionError("invalidCredentials", `The API base URL must be http or https, not ${url.protocol}`);
  }
  return raw.replace(/\/+$/, "");
}
