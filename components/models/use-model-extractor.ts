"use client";

import { ownEntry } from "@/lib/contract/own-entry";
import { useQuery } from "@tanstack/react-query";
import { connectorQueries } from "@/lib/api/connector-queries";
import { integrationQueries } from "@/lib/api/integration-queries";
import type { ManifestExtractor, Model } from "@/lib/contract";

/** The extractor a model syncs from, as its integration's manifest declares it (config form, mode). */
export type ModelExtractor = { status: "pending" } | { status: "ready"; extractor: ManifestExtractor } | { status: "unavailable"; reason: string };

/**
 * Looks up a model's extractor through its connector's integration (the lists the model header
 * reads too, so usually from the cache). `unavailable` says why: a connector or extractor gone.
 */
export function useModelExtractor(model: Model): ModelExtractor {
  const source = model.extractor;
  const connectors = useQuery({ ...connectorQueries.list(), enabled: source !== null });
  const connector = connectors.data?.connectors.find((c) => c.uuid === source?.connectorUuid);
  const integration = useQuery({ ...integrationQueries.detail(connector?.integrationSlug ?? ""), enabled: Boolean(connector) });

  if (!source) return { status: "unavailable", reason: "The model was imported from a file." };
  if (connectors.error) return { status: "unavailable", reason: `Could not load the connectors: ${connectors.error.message}` };
  if (connectors.data && !connector) return { status: "unavailable", reason: "Its connector was deleted." };
  if (integration.error) return { status: "unavailable", reason: `Could not load the integration: ${integration.error.message}` };
  if (!integration.data) return { status: "pending" };
  const extractor = ownEntry(integration.data.integration.extractors, source.extractorSlug);
  return extractor ? { status: "ready", extractor } : { status: "unavailable", reason: `The integration no longer has the extractor "${source.extractorSlug}".` };
}
