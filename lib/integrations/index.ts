import "server-only";

export {
  AUTOCOMPLETE_CACHE_MAX_ENTRIES,
  createAutocompleteCache,
  type AutocompleteCache,
  type AutocompleteCacheOptions,
  type AutocompleteKey,
} from "./autocomplete-cache";
export type { CallLimits, CallScope } from "./call-limits";
export { reportCall, type CallContext, type CallObserver, type CallOperation, type ObservedCall } from "./call-observer";
export { createIntegrationClient, type IntegrationClientOptions } from "./client";
export type { CallControl, IntegrationClient } from "./integration-client";
export { fetchManifest, joinUrl, listManifestActions, type FetchedManifest } from "./fetch-manifest";
export {
  AUTOCOMPLETE_TIMEOUT_MS,
  callIntegration,
  DEFAULT_TIMEOUT_MS,
  MAX_RATE_LIMIT_RETRIES,
  MAX_RESPONSE_BYTES,
  type CallInit,
  type CallOptions,
} from "./http";
export { IntegrationError, type IntegrationErrorKind } from "./integration-error";
export type { ConnectorRef, IntegrationRequest } from "./layouts";
export { LEGACY_MODEL_SLUG_FIELD, legacyModelExtractorSlug } from "./legacy-model-extractors";
export {
  createManifestCache,
  MANIFEST_RETRY_AFTER_ERROR_MS,
  MANIFEST_TTL_MS,
  type ManifestCache,
  type ManifestCacheOptions,
} from "./manifest-cache";
export {
  createOutboundFetch,
  defaultOutboundFetch,
  OutboundRefusedError,
  parseAllowlist,
  type Allowlist,
  type OutboundFetch,
  type OutboundOptions,
  type Resolver,
} from "./outbound";
export { normalizeManifest, type NormalizeManifestMeta } from "./normalize-manifest";
export { createRateLimiter, processRateLimiter, RATE_LIMIT_MARGIN_MS, type RateLimiter, type RateLimiterOptions } from "./rate-limiter";
export { createSharedRateLimiter, type RateLimitWindowStore, type SharedRateLimiterOptions } from "./shared-rate-limiter";
export { matchingRateLimits, type MatchedRateLimit } from "./scoped-rate-limits";
export { createSerialLocks, processSerialLocks, type SerialLocks } from "./serial-locks";
export { DEFAULT_RETRY_AFTER_MS, MAX_RETRY_AFTER_MS, retryAfterMs } from "./retry-after";
