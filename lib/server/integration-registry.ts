import type { CustomIntegration, Integration } from "@/lib/contract";
import type { Database } from "@/lib/db";
import {
  createAutocompleteCache,
  createIntegrationClient,
  createManifestCache,
  createRateLimiter,
  createSerialLocks,
  createSharedRateLimiter,
  defaultOutboundFetch,
  fetchManifest,
  normalizeManifest,
  type FetchedManifest,
  type OutboundFetch,
} from "@/lib/integrations";
import { getSdkIntegration, NATIVE_INTEGRATION_SLUG, nativeIntegration, sdkIntegrations, type NativeIntegration } from "@/lib/integrations/native";
import { AppError } from "./errors";
import { createCallRecording } from "./integration-calls/call-recording";

export interface ResolvedIntegration {
  integration: Integration;
  /** The registration behind a custom integration; null for the built-in and SDK ones. */
  custom: CustomIntegration | null;
  /** Set for an integration written with the SDK: its actions run inside the app. */
  sdk?: NativeIntegration;
}

export interface IntegrationRegistryOptions {
  /** Caps every call to an integration server (`INTEGRATION_TIMEOUT_MS`). */
  maxTimeoutMs?: number;
  /** The outbound guard every call on a user's behalf goes through; default: no private address allowed. */
  outbound?: OutboundFetch;
  /**
   * Whether other processes call integrations over the same SQLite file (the web processes of
   * WEB_PROCESSES, a `ROLE=web` process and its workers): rate-limit windows are then kept in
   * the file. Always so on Postgres.
   */
  sharedFile?: boolean;
}

/**
 * Finds integrations by slug and builds clients for them. The manifest cache, the per-connector
 * rate limiter (its windows in the database on Postgres and on a shared SQLite file, so every process counts them), the locks of `isSerialized` actions, the autocomplete cache and the outbound guard
 * live here, once per process, shared by every caller.
 */
export function createIntegrationRegistry(db: Database, { maxTimeoutMs, outbound = defaultOutboundFetch(), sharedFile = false }: IntegrationRegistryOptions = {}) {
  const calls = createCallRecording(db.integrationCalls);
  const manifests = createManifestCache({
    fetchManifest: (baseUrl: string, key: string) => fetchManifest(baseUrl, { timeoutMs: maxTimeoutMs, outbound, onCall: calls.forManifest(key) }),
  });
  // Several processes share a Postgres database (web and workers), or a SQLite file: their windows
  // are kept there. One process alone on SQLite sees every call in memory.
  const limiter = db.dialect === "postgres" || sharedFile ? createSharedRateLimiter(db.rateLimitWindows) : createRateLimiter();
  const serialLocks = createSerialLocks();
  const autocompletes = createAutocompleteCache();
  const seeded = new Set<string>();

  /** The manifest of a registration: cached, else the live server, else the last good one stored. */
  async function manifestOf(workspaceUuid: string, custom: CustomIntegration, refresh = false): Promise<FetchedManifest> {
    calls.know(custom);
    if (!seeded.has(custom.uuid)) {
      const stored = await db.customIntegrations.getStoredManifest(workspaceUuid, custom.uuid);
      if (stored && custom.layout) manifests.seed(custom.uuid, { layout: custom.layout, manifest: stored } as FetchedManifest);
      seeded.add(custom.uuid);
    }
    return manifests.get(custom.uuid, custom.baseUrl, { refresh });
  }

  // Normalizing a manifest costs more than the rest of a connector call's bookkeeping; the cached
  // manifest object is the same until it is fetched again, so its normal form is kept beside it.
  const normalized = new WeakMap<FetchedManifest, Map<string, Integration>>();
  function toIntegration(custom: CustomIntegration, fetched: FetchedManifest): Integration {
    let bySlug = normalized.get(fetched);
    if (!bySlug) normalized.set(fetched, (bySlug = new Map()));
    let integration = bySlug.get(custom.slug);
    if (!integration) bySlug.set(custom.slug, (integration = normalizeManifest(fetched, { slug: custom.slug, category: "custom" })));
    return integration;
  }

  return {
    limiter,
    autocompletes,
    manifests,
    /** For the calls that are not to a registered server's client: registration, SDK providers, httpRequest. */
    outbound,
    /** The request inspector's recording of every call to a registered server. */
    calls,

    /** Every integration of the workspace: the built-in one first, then the SDK ones, then custom ones in order. */
    async list(workspaceUuid: string): Promise<Array<ResolvedIntegration & { error: string | null }>> {
      const customs = await db.customIntegrations.list(workspaceUuid);
      const resolved = await Promise.all(
        customs.map(async (custom) => {
          try {
            const fetched = await manifestOf(workspaceUuid, custom);
            return { integration: toIntegration(custom, fetched), custom, error: manifests.lastError(custom.uuid)?.message ?? null };
          } catch (error) {
            return { integration: unavailableIntegration(custom), custom, error: (error as Error).message };
          }
        }),
      );
      const sdk = sdkIntegrations.map((native) => ({ integration: native.integration, custom: null, sdk: native, error: null }));
      return [{ integration: nativeIntegration, custom: null, error: null }, ...sdk, ...resolved];
    },

    /** One integration by slug, or a 404. */
    async get(workspaceUuid: string, slug: string, options: { refresh?: boolean } = {}): Promise<ResolvedIntegration> {
      if (slug === NATIVE_INTEGRATION_SLUG) return { integration: nativeIntegration, custom: null };
      const sdk = getSdkIntegration(slug);
      if (sdk) return { integration: sdk.integration, custom: null, sdk };
      const custom = await db.customIntegrations.getBySlug(workspaceUuid, slug);
      if (!custom) throw new AppError("not_found:integration", `No integration with slug "${slug}"`, { reason: "integrationNotFound" });
      const fetched = await manifestOf(workspaceUuid, custom, options.refresh);
      return { integration: toIntegration(custom, fetched), custom };
    },

    /**
     * A client for a custom integration's server, rate limited by its connector rate limit and by
     * each action's and extractor's own `rateLimits`, its `isSerialized` actions one call at a time.
     */
    clientFor({ integration, custom }: ResolvedIntegration) {
      if (!custom || !integration.layout) {
        throw new AppError("bad_request:integration", `${integration.name} runs inside the app and has no server to call`);
      }
      return createIntegrationClient({
        baseUrl: custom.baseUrl,
        layout: integration.layout,
        rateLimit: integration.connector.rateLimit ?? null,
        actions: integration.actions,
        extractors: integration.extractors,
        limiter,
        serialLocks,
        maxTimeoutMs,
        outbound,
        onCall: calls.forClient(integration, custom),
      });
    },

    /** Forgets everything cached for a registration (after its URL changed or it was removed). */
    forget(uuid: string) {
      manifests.invalidate(uuid);
      seeded.delete(uuid);
    },
  };
}

export type IntegrationRegistry = ReturnType<typeof createIntegrationRegistry>;

function unavailableIntegration(custom: CustomIntegration): Integration {
  return {
    slug: custom.slug,
    kind: "custom",
    category: "custom",
    name: custom.name,
    description: "",
    icon: "",
    color: "#888888",
    url: custom.baseUrl,
    layout: custom.layout,
    connector: { config: { jsonSchema: {}, uiSchema: {} } },
    users: null,
    actions: {},
    extractors: {},
    autocompletes: {},
    dynamicSchemas: {},
  };
}
