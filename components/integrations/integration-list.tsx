"use client";

import { useQuery } from "@tanstack/react-query";
import { Blocks } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { integrationQueries } from "@/lib/api/integration-queries";
import { IntegrationCard } from "./integration-card";

export function IntegrationList() {
  const { data, error, isPending, refetch, isFetching } = useQuery(integrationQueries.list());

  if (isPending) {
    return (
      <div aria-busy="true" aria-label="Loading integrations" className="grid gap-4 md:grid-cols-2">
        <Skeleton className="h-40" />
        <Skeleton className="h-40" />
      </div>
    );
  }
  if (error) {
    return (
      <Alert
        title="Could not load integrations"
        action={
          <Button variant="secondary" size="sm" onClick={() => refetch()} disabled={isFetching}>
            Retry
          </Button>
        }
      >
        {error.message}
      </Alert>
    );
  }
  if (data.integrations.length === 0) {
    return (
      <EmptyState icon={<Blocks className="size-5" />} title="No integrations yet">
        Register an integration server that speaks the Cargo custom-integration contract. The demo integration is
        registered on first start unless <code>DEMO_INTEGRATION_URL</code> is empty.
      </EmptyState>
    );
  }
  return (
    <ul className="grid gap-4 md:grid-cols-2" aria-label="Integrations">
      {data.integrations.map((integration) => (
        <li key={integration.slug}>
          <IntegrationCard integration={integration} />
        </li>
      ))}
    </ul>
  );
}
