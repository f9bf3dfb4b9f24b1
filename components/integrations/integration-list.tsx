"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Blocks, SearchX } from "lucide-react";
import { QueryError } from "@/components/ui/query-error";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { integrationQueries } from "@/lib/api/integration-queries";
import { cn } from "@/lib/utils";
import { ButtonLink } from "@/components/ui/button-link";
import { IntegrationCard } from "./integration-card";
import type { CatalogFilters } from "./use-catalog-filters";

/** The catalog's cards for the given filters, with loading, error and "no match" states. */
export function IntegrationList({ filters = {}, onClearFilters }: { filters?: CatalogFilters; onClearFilters?: () => void }) {
  const { data, error, isPending, isPlaceholderData, refetch, isFetching } = useQuery({
    ...integrationQueries.list(filters),
    placeholderData: keepPreviousData,
  });
  const isFiltered = Object.values(filters).some((value) => value !== undefined);

  if (isPending) return <IntegrationListSkeleton />;
  if (error) {
    return (
      <QueryError title="Could not load integrations" error={error} onRetry={() => refetch()} retrying={isFetching} />
    );
  }
  const { integrations } = data;
  if (integrations.length === 0 && isFiltered) {
    return (
      <EmptyState
        icon={<SearchX className="size-5" />}
        title="No integrations match"
        action={
          onClearFilters && (
            <Button variant="secondary" onClick={onClearFilters}>
              Clear filters
            </Button>
          )
        }
      >
        Nothing in the catalog matches these filters. Try another search or category.
      </EmptyState>
    );
  }
  if (integrations.length === 0) {
    return (
      <EmptyState
        icon={<Blocks className="size-5" />}
        title="No integrations yet"
        action={
          <ButtonLink href="/integrations/custom" variant="primary">
            Register an integration
          </ButtonLink>
        }
      >
        Register an integration server that speaks the Cargo custom-integration contract. The demo integration is
        registered on first start unless <code>DEMO_INTEGRATION_URL</code> is empty.
      </EmptyState>
    );
  }
  return (
    <>
      <div className="mb-3 flex items-center justify-between gap-4 text-sm text-fg-muted">
        <p role="status">
          {countText(integrations.length, isFiltered)}
        </p>
        {isFiltered && onClearFilters && (
          <Button variant="ghost" size="sm" onClick={onClearFilters}>
            Clear filters
          </Button>
        )}
      </div>
      <ul
        className={cn("grid gap-4 md:grid-cols-2", isPlaceholderData && "opacity-60 transition-opacity")}
        aria-label="Integrations"
        aria-busy={isPlaceholderData}
      >
        {integrations.map((integration) => (
          <li key={integration.slug}>
            <IntegrationCard integration={integration} />
          </li>
        ))}
      </ul>
    </>
  );
}

function countText(count: number, isFiltered: boolean): string {
  const noun = count === 1 ? "integration" : "integrations";
  if (!isFiltered) return `${count} ${noun}`;
  return `${count} ${noun} ${count === 1 ? "matches" : "match"}`;
}

export function IntegrationListSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading integrations" className="grid gap-4 md:grid-cols-2">
      <Skeleton className="h-44" />
      <Skeleton className="h-44" />
    </div>
  );
}
