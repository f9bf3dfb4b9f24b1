import { ownEntry } from "@/lib/contract/own-entry";
import type { ExtractorSource, ManifestExtractor } from "@/lib/contract";
import type { IntegrationClient } from "@/lib/integrations";
import { connectorRef, openConnectorForCall, type OpenConnector } from "../connector-access";
import type { ConnectorCtx } from "../deps-types";
import { AppError } from "../errors";
import { callingIntegration } from "../integration-errors";
import { validateAgainstSchema } from "../validate-config";

/** A connector's extractor, opened for calls: the config checked against its schema. */
export interface OpenExtractor {
  open: OpenConnector;
  extractor: ManifestExtractor;
  /** One page: the answer as the server gave it (`fetching` included), errors mapped to the API's statuses. */
  fetch(options: { meta?: unknown; modelUuid?: string; isDryFetch?: boolean; signal?: AbortSignal }): ReturnType<IntegrationClient["fetchExtractor"]>;
  /** The count, or null when the server has no count endpoint. */
  count(signal?: AbortSignal): Promise<number | null>;
}

/**
 * Opens the extractor a model reads from: 404 for an unknown extractor, 400 for a config its
 * schema refuses, 409 for a connector whose secrets are locked. Calls go through the connector's
 * client, so they wait on its token bucket like every other call.
 */
export async function openExtractor(ctx: ConnectorCtx, workspaceUuid: string, source: ExtractorSource): Promise<OpenExtractor> {
  const open = await openConnectorForCall(ctx, workspaceUuid, source.connectorUuid);
  const { integration, sdk } = open.resolved;
  const extractor = ownEntry(integration.extractors, source.extractorSlug);
  if (!extractor || sdk) throw new AppError("not_found:extractor", `${integration.name} has no extractor "${source.extractorSlug}"`, { reason: "extractorNotFound" });
  if (extractor.mode.kind !== "fetch") {
    throw new AppError("bad_request:extractor", `${extractor.name} receives records pushed to it (ingest); only extractors that are fetched can be synced`);
  }
  validateAgainstSchema("extractor config", extractor.config.jsonSchema, source.config);
  const client = ctx.integrations.clientFor(open.resolved);
  const ref = connectorRef(open);
  return {
    open,
    extractor,
    fetch: ({ signal, ...options }) => callingIntegration(() => client.fetchExtractor(ref, source.extractorSlug, source.config, { ...options, signal }), open.redact),
    async count(signal) {
      try {
        const { count } = await callingIntegration(() => client.countExtractor(ref, source.extractorSlug, source.config, { signal }), open.redact);
        return count;
      } catch (error) {
        if (error instanceof AppError && error.reason === "notSupported") return null;
        throw error;
      }
    },
  };
}
