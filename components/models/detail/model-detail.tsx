"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronLeft } from "lucide-react";
import Link from "next/link";
import { RecordsBrowser } from "@/components/records/records-browser";
import { PageState } from "@/components/ui/page-state";
import { Skeleton } from "@/components/ui/skeleton";
import { isNotFound } from "@/lib/api/api-fetch";
import { modelQueries } from "@/lib/api/model-queries";
import { ModelHeader } from "./model-header";
import { SyncList } from "./sync-list";

/** `/models/[uuid]`: the model's header, its syncs (extractor models), and the records browser. */
export function ModelDetail({ uuid }: { uuid: string }) {
  const model = useQuery(modelQueries.detail(uuid));

  if (model.isPending || model.error) {
    return (
      <PageState load={model} thing="model" missing={isNotFound(model.error)} back={{ href: "/models", label: "All models" }} id={uuid}>
        <Skeleton className="h-14 w-80" />
        <Skeleton className="h-32" />
        <Skeleton className="h-96" />
      </PageState>
    );
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
