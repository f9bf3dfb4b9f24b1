"use client";

import { useQuery } from "@tanstack/react-query";
import { Server } from "lucide-react";
import { QueryError } from "@/components/ui/query-error";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { customIntegrationQueries } from "@/lib/api/custom-integration-queries";
import { CustomIntegrationItem } from "./custom-integration-item";

export function CustomIntegrationList() {
  const { data, error, isPending, refetch, isFetching } = useQuery(customIntegrationQueries.list());
  if (isPending) return <Skeleton className="h-32" />;
  if (error) {
    return (
      <QueryError title="Could not load custom integrations" error={error} onRetry={() => refetch()} retrying={isFetching} />
    );
  }
  if (data.customIntegrations.length === 0) {
    return (
      <EmptyState icon={<Server className="size-5" />} title="No custom integrations yet">
        Register an integration server above. Anything that serves a valid manifest at <code className="font-mono">GET /manifest</code> works.
      </EmptyState>
    );
  }
  return (
    <Card>
      <ul aria-label="Registered integrations" className="divide-y divide-border">
        {data.customIntegrations.map((integration) => (
          <CustomIntegrationItem key={integration.uuid} integration={integration} />
        ))}
      </ul>
    </Card>
  );
}
