"use client";

import { ownEntry } from "@/lib/contract/own-entry";
import { useQueries, useQuery } from "@tanstack/react-query";
import { connectorQueries } from "@/lib/api/connector-queries";
import { integrationQueries } from "@/lib/api/integration-queries";
import type { Model } from "@/lib/contract";

/** Where a model's records come from, in words: the extractor and its connector, or a CSV. */
export interface ModelSource {
  /** `Demo CRM · Records`, or `CSV upload`. */
  label: string;
  /** The connector's name, when the model has one. */
  connectorName?: string;
  /** The config's text values (`companies`), which tell two models of one extractor apart. */
  configSummary?: string;
}

/**
 * Describes each model's source. Reads the connectors list and the details of just the
 * integrations the models use (for extractor names); until those arrive, slugs stand in.
 */
export function useModelSources(models: readonly Model[]): (model: Model) => ModelSource {
  const connectors = useQuery({ ...connectorQueries.list(), enabled: models.some((model) => model.extractor) });
  const byUuid = new Map(connectors.data?.connectors.map((connector) => [connector.uuid, connector]));
  const slugs = [
    ...new Set(
      models.flatMap((model) => {
        const slug = model.extractor && byUuid.get(model.extractor.connectorUuid)?.integrationSlug;
        return slug ? [slug] : [];
      }),
    ),
  ];
  const integrations = useQueries({ queries: slugs.map((slug) => integrationQueries.detail(slug)) });
  const bySlug = new Map(integrations.flatMap((query) => (query.data ? [[query.data.integration.slug, query.data.integration] as const] : [])));

  return (model) => {
    if (!model.extractor) return { label: "CSV upload" };
    const connector = byUuid.get(model.extractor.connectorUuid);
    const integration = connector && bySlug.get(connector.integrationSlug);
    const extractorName = ownEntry(integration?.extractors, model.extractor.extractorSlug)?.name ?? model.extractor.extractorSlug;
    return {
      label: `${integration?.name ?? connector?.integrationSlug ?? "Extractor"} · ${extractorName}`,
      connectorName: connector?.name ?? (connectors.isSuccess ? "a deleted connector" : undefined),
      configSummary: configSummary(model.extractor.config),
    };
  };
}

function configSummary(config: Record<string, unknown>): string | undefined {
  const texts = Object.values(config).filter((value): value is string => typeof value === "string" && value.length > 0 && value.length <= 40);
  return texts.length ? texts.slice(0, 2).join(", ") : undefined;
}
