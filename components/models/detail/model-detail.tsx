"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronLeft } from "lucide-react";
import Link from "next/link";
import { RecordsBrowser } from "@/components/records/records-browser";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiError } from "@/lib/api/api-fetch";
import { modelQueries } from "@/lib/api/model-queries";
import { ModelHeader } from "./model-header";
import { SyncList } from "./sync-list";

/** `/models/[uuid]`: the model's header, its syncs (extractor models), and the records browser. */
export function ModelDetail({ uuid }: { uuid: string }) {
  const model = useQuery(modelQueries.detail(uuid));

  if (model.isPending) {
    return (
      <div aria-busy="true" aria-label="Loading the model" className="space-y-6">
        <Skeleton className="h-14 w-80" />
        <Skeleton className="h-32" />
        <Skeleton className="h-96" />
      </div>
    );
  }
  if (model.error) {
    if (model.error instanceof ApiError && model.error.status === 404) {
      return (
        <EmptyState
          title="Model not found"
          action={
            <ButtonLink href="/models" variant="primary">
              All models
            </ButtonLink>
          }
        >
          It may have been deleted, or it belongs to another workspace.
        </EmptyState>
      );
    }
    return <QueryError title="Could not load the model" error={model.error} onRetry={() => model.refetch()} retrying={model.isFetching} />;
  }

  const { model: current } = model.data;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/models" className="mb-2 inline-flex items-center gap-1 text-sm text-fg-muted hover:text-fg">
          <ChevronLeft aria-hidden className="size-4" />
          Models
        </Link>
        <ModelHeader model={current} />
      </div>
      {current.extractor && <SyncList model={current} />}
      <RecordsBrowser model={current} />
    </div>
  );
}
