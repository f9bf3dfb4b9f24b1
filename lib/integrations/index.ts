import "server-only";

export { fetchManifest, joinUrl, listManifestActions, type FetchedManifest } from "./fetch-manifest";
export { callIntegration, DEFAULT_TIMEOUT_MS, MAX_RESPONSE_BYTES, type CallOptions } from "./http";
export { IntegrationError, type IntegrationErrorKind } from "./integration-error";
