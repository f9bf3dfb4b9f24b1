import { DEMO_API_KEY, REGIONS } from "./auth";
import type { FormSchema } from "./manifest-types";

/** Brand fields shared by both manifest layouts. */
export const BRAND = {
  description: "An in-memory demo CRM with contacts, companies and deals, for trying integrations end to end",
  color: "#0EA5E9",
  icon: [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="#0EA5E9" stroke-width="2"',
    ' stroke-linecap="round" stroke-linejoin="round">',
    '<circle cx="9" cy="8" r="3.5"/><path d="M2.5 20a6.5 6.5 0 0 1 13 0"/>',
    '<path d="M16 4.5a3.5 3.5 0 0 1 0 7"/><path d="M18 14a6.5 6.5 0 0 1 3.5 6"/></svg>',
  ].join(""),
};

/** The connector form: an API key and region, or an OAuth token obtained through Connect. */
export function connectorConfig(baseUrl: string): FormSchema {
  return {
    jsonSchema: {
      type: "object",
      required: ["apiKey", "region"],
      properties: {
        apiKey: {
          type: "string",
          title: "API key",
          format: "password",
          writeOnly: true,
          description: `Use ${DEMO_API_KEY}`,
        },
        region: { type: "string", title: "Region", enum: [...REGIONS], default: "us" },
        oauthToken: {
          type: "string",
          title: "OAuth token",
          description: "Optional; set by Connect",
          // A token is a credential: secret like the API key, so the platform masks it after save.
          writeOnly: true,
        },
      },
    },
    uiSchema: {
      apiKey: { "ui:widget": "password" },
      oauthToken: { "ui:widget": "OAuthWidget", "ui:options": { authorizeUrl: `${baseUrl}/oauth/authorize` } },
    },
  };
}

/** Connector-wide rate limit the platform should respect. */
export const RATE_LIMIT = { unit: "second", max: 20 } as const;
