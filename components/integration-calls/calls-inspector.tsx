"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Radio, SearchX } from "lucide-react";
import { useState } from "react";
import { integrationCallQueries, type IntegrationCallFilter, type IntegrationCallScope } from "@/lib/api/integration-call-queries";
import { INTEGRATION_CALLS_KEPT, type IntegrationCallSummary } from "@/lib/contract";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryError } from "@/components/ui/query-error";
import { CallDetailDialog } from "./call-detail-dialog";
import { CallFilters } from "./call-filters";
import { CallTable, CallTableSkeleton } from "./call-table";

/**
 * The request inspector of a custom integration's server or of one connector: the kept calls,
 * filtered by endpoint, status and text, each one opening in full with "Copy as curl".
 */
export function CallsInspector({ scope }: { scope: IntegrationCallScope }) {
  const [filter, setFilter] = useState<IntegrationCallFilter>({});
  // Remounts the filter bar on "Clear filters", so its search box empties too.
  const [cleared, setCleared] = useState(0);
  const [open, setOpen] = useState<IntegrationCallSummary | null>(null);
  const calls = useQuery({ ...integrationCallQueries.list(scope, filter), placeholderData: keepPreviousData });
  const filtered = Boolean(filter.endpoint || filter.status || filter.search);
  const count = calls.data?.calls.length;
  const clear = () => {
    setFilter({});
    setCleared((n) => n + 1);
  };

  return (
    <div className="flex flex-col gap-4">
      <CallFilters
        key={cleared}
        filter={filter}
        endpoints={calls.data?.endpoints ?? []}
        onChange={setFilter}
        onRefresh={() => calls.refetch()}
        refreshing={calls.isFetching}
        summary={count === undefined ? undefined : count === INTEGRATION_CALLS_KEPT ? `The latest ${count} calls` : `${count} call${count === 1 ? "" : "s"}`}
      />
      {calls.isPending ? (
        <CallTableSkeleton />
      ) : calls.error ? (
        <QueryError title="Could not load the calls" error={calls.error} onRetry={() => calls.refetch()} retrying={calls.isFetching} />
      ) : calls.data.calls.length > 0 ? (
        <CallTable calls={calls.data.calls} onOpen={setOpen} />
      ) : filtered ? (
        <EmptyState icon={<SearchX className="size-5" />} title="No calls match" action={<Button variant="secondary" onClick={clear}>Clear filters</Button>}>
          No kept call has this endpoint, status or text.
        </EmptyState>
      ) : (
        <EmptyState icon={<Radio className="size-5" />} title="No calls yet">
          Every call Relay makes to this integration server shows here: the manifest, credential tests, actions, autocompletes, extractors.
          The last {INTEGRATION_CALLS_KEPT} are kept, with every secret redacted.
        </EmptyState>
      )}
      <CallDetailDialog scope={scope} call={open} onClose={() => setOpen(null)} />
    </div>
  );
}
