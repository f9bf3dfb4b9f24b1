"use client";

import { useQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { integrationCheckQueries } from "@/lib/api/integration-check-queries";
import { CheckReport } from "./check-report";

/** The manifest's lint, run as soon as the page opens (nothing but GET /manifest is called). */
export function ManifestLint({ uuid }: { uuid: string }) {
  const lint = useQuery(integrationCheckQueries.lint(uuid));
  if (lint.isPending) {
    return (
      <div className="space-y-2">
        <p role="status" className="text-sm text-fg-muted">
          Checking the manifest…
        </p>
        <Skeleton className="h-20" />
      </div>
    );
  }
  if (lint.error) return <QueryError title="Could not check the manifest" error={lint.error} onRetry={() => lint.refetch()} retrying={lint.isFetching} />;
  return (
    <div className="space-y-3">
      <CheckReport report={lint.data} label="Manifest check" />
      <Button variant="secondary" size="sm" onClick={() => lint.refetch()} disabled={lint.isFetching}>
        {lint.isFetching ? "Checking…" : "Check the manifest again"}
      </Button>
    </div>
  );
}
