"use client";

import { useQuery } from "@tanstack/react-query";
import { SearchX } from "lucide-react";
import type { Integration } from "@/lib/contract";
import { QueryError } from "@/components/ui/query-error";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiError } from "@/lib/api/api-fetch";
import { integrationQueries } from "@/lib/api/integration-queries";
import { ButtonLink } from "@/components/ui/button-link";
import { ActionList } from "./action-list";
import { ConnectorConfig } from "./connector-config";
import { DetailSection } from "./detail-section";
import { AutocompleteTable, DynamicSchemaTable } from "./endpoint-tables";
import { ExtractorList } from "./extractor-list";
import { IntegrationConnectors } from "./integration-connectors";
import { IntegrationHeader } from "./integration-header";

/** One integration: what it offers, what a connector needs, and the connectors already set up. */
export function IntegrationDetail({ slug }: { slug: string }) {
  const { data, error, isPending, refetch, isFetching } = useQuery(integrationQueries.detail(slug));
  if (isPending) return <IntegrationDetailSkeleton />;
  if (error instanceof ApiError && error.status === 404) {
    return (
      <EmptyState
        icon={<SearchX className="size-5" />}
        title="Integration not found"
        action={
          <ButtonLink href="/integrations" variant="primary">
            Back to integrations
          </ButtonLink>
        }
      >
        No integration has the slug <code className="font-mono">{slug}</code>. It may have been deleted.
      </EmptyState>
    );
  }
  if (error) {
    return (
      <QueryError title="Could not load this integration" error={error} onRetry={() => refetch()} retrying={isFetching} />
    );
  }
  return <IntegrationSections integration={data.integration} />;
}

function IntegrationSections({ integration }: { integration: Integration }) {
  const count = (record: Record<string, unknown>) => Object.keys(record).length;
  const sections = [
    { id: "actions", title: "Actions", count: count(integration.actions), body: <ActionList integration={integration} /> },
    { id: "extractors", title: "Extractors", count: count(integration.extractors), body: <ExtractorList integration={integration} /> },
    { id: "autocompletes", title: "Autocompletes", count: count(integration.autocompletes), body: <AutocompleteTable integration={integration} /> },
    { id: "dynamic-schemas", title: "Dynamic schemas", count: count(integration.dynamicSchemas), body: <DynamicSchemaTable integration={integration} /> },
    { id: "connector-config", title: "Connector config", body: <ConnectorConfig integration={integration} /> },
    ...(integration.kind === "custom"
      ? [{ id: "connectors", title: "Connectors", body: <IntegrationConnectors slug={integration.slug} name={integration.name} /> }]
      : []),
  ];
  return (
    <>
      <IntegrationHeader integration={integration} />
      <nav aria-label="On this page" className="mt-6 flex flex-wrap gap-x-4 gap-y-1 border-b border-border pb-3 text-sm">
        {sections.map((section) => (
          <a key={section.id} href={`#${section.id}`} className="text-fg-muted hover:text-fg">
            {section.title}
            {section.count !== undefined && ` (${section.count})`}
          </a>
        ))}
      </nav>
      {sections.map((section) => (
        <DetailSection key={section.id} id={section.id} title={section.title} count={section.count}>
          {section.body}
        </DetailSection>
      ))}
    </>
  );
}

function IntegrationDetailSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading integration">
      <div className="flex items-start gap-4">
        <Skeleton className="size-14" />
        <div className="flex-1 space-y-2">
          <Skeleton className="h-6 w-48" />
          <Skeleton className="h-4 w-96 max-w-full" />
        </div>
      </div>
      <Skeleton className="mt-10 h-48" />
      <Skeleton className="mt-6 h-32" />
    </div>
  );
}
