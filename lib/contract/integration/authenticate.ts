import { z } from "zod";
import { LegacyConnectorRef } from "./connector-ref";
import { ConfigValues } from "./json-schema";

/** `POST /authenticate`: checks a connector's credentials. */
export const AuthenticateRequestBody = z.looseObject({
  connectorConfig: ConfigValues.describe("Connector config to check, secrets decrypted"),
});
export type AuthenticateRequestBody = z.infer<typeof AuthenticateRequestBody>;

export const LegacyAuthenticateRequestBody = z.looseObject({
  connector: LegacyConnectorRef,
});
export type LegacyAuthenticateRequestBody = z.infer<typeof LegacyAuthenticateRequestBody>;

export const AuthenticateSuccess = z.looseObject({
  outcome: z.literal("success"),
  config: ConfigValues.optional().describe("Connector config the platform should keep instead"),
});
export type AuthenticateSuccess = z.infer<typeof AuthenticateSuccess>;

export const AuthenticateError = z.looseObject({
  outcome: z.literal("error"),
  reason: z.literal("unauthenticated").describe("Why the credentials were refused"),
  errorMessage: z.string().optional().describe("Message for the operator"),
});
export type AuthenticateError = z.infer<typeof AuthenticateError>;

/** Both outcomes arrive with HTTP 200. */
export const AuthenticateResponseBody = z.discriminatedUnion("outcome", [AuthenticateSuccess, AuthenticateError]);
export type AuthenticateResponseBody = z.infer<typeof AuthenticateResponseBody>;
