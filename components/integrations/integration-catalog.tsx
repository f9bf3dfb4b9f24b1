"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { IntegrationCategory } from "@/lib/contract";
import { integrationQueries } from "@/lib/api/integration-queries";
import { CatalogFilters } from "./catalog-filters";
import { IntegrationList } from "./integration-list";
import { useCatalogFilters } from "./use-catalog-filters";

/** The catalog page body: filters kept in the URL, and the matching integrations. */
export function IntegrationCatalog() {
  const { filters, setFilters, clearFilters } = useCatalogFilters();
  const all = useQuery(integrationQueries.list());

  const categories = useMemo(() => {
    const counts = new Map<IntegrationCategory, number>();
    for (const integration of all.data?.integrations ?? []) counts.set(integration.category, (counts.get(integration.category) ?? 0) + 1);
    return [...counts].map(([category, count]) => ({ category, count })).sort((a, b) => a.category.localeCompare(b.category));
  }, [all.data]);

  return (
    <>
      <CatalogFilters filters={filters} categories={categories} onChange={setFilters} />
      <IntegrationList filters={filters} onClearFilters={clearFilters} />
    </>
  );
}
