import { z } from "zod";
import { ConfigValues } from "./json-schema";

/** `POST /completeOauth`: trades an OAuth authorization code for a credential. */
export const CompleteOauthRequestBody = z.looseObject({
  code: z.string().describe("Authorization code from the provider's redirect"),
  redirectUri: z.string().describe("Redirect URI used in the authorize step"),
});
export type CompleteOauthRequestBody = z.infer<typeof CompleteOauthRequestBody>;

/** The legacy layout forwards the redirect's query params as they came. */
export const LegacyCompleteOauthRequestBody = z.looseObject({
  params: ConfigValues.describe("Query params of the OAuth redirect"),
});
export type LegacyCompleteOauthRequestBody = z.infer<typeof LegacyCompleteOauthRequestBody>;

export const CompleteOauthResponseBody = z.looseObject({
  value: z.string().describe("The credential to store in the connector config"),
});
export type CompleteOauthResponseBody = z.infer<typeof CompleteOauthResponseBody>;
