import { HttpError } from "./errors";
import { isValidOauthToken } from "./oauth-token";

/** The API key the demo accepts; anything else is refused. */
export const DEMO_API_KEY = "demo-api-key";
/** Regions the connector form offers. */
export const REGIONS = ["us", "eu", "apac"] as const;

/** Outcome of `POST /authenticate`: always HTTP 200, the outcome says whether it worked. */
export type AuthenticateResult =
  | { outcome: "success" }
  | { outcome: "error"; reason: "unauthenticated"; errorMessage: string };

/** Whether a connector config carries the demo API key or an OAuth token this server issued. */
export function hasValidCredentials(connectorConfig: Record<string, unknown>): boolean {
  return connectorConfig.apiKey === DEMO_API_KEY || isValidOauthToken(connectorConfig.oauthToken);
}

/** Throws 401 unless the connector config is authorised. */
export function requireCredentials(connectorConfig: Record<string, unknown>): void {
  if (!hasValidCredentials(connectorConfig)) throw new HttpError(401, "Invalid API key");
}

/** Checks credentials and region the way a connector is tested when it is created. */
export function authenticate(connectorConfig: Record<string, unknown>): AuthenticateResult {
  if (!hasValidCredentials(connectorConfig)) {
    return { outcome: "error", reason: "unauthenticated", errorMessage: `Invalid API key: use ${DEMO_API_KEY}` };
  }
  // The schema defaults region to "us", so an absent region is accepted as that default.
  const region = connectorConfig.region ?? "us";
  if (!(REGIONS as readonly unknown[]).includes(region)) {
    const errorMessage = `Invalid region: use one of ${REGIONS.join(", ")}`;
    return { outcome: "error", reason: "unauthenticated", errorMessage };
  }
  return { outcome: "success" };
}
