"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronLeft } from "lucide-react";
import Link from "next/link";
import { RunOnSegmentLink } from "@/components/batches/run-on-segment-link";
import { Card } from "@/components/ui/card";
import { PageState } from "@/components/ui/page-state";
import { Skeleton } from "@/components/ui/skeleton";
import { isNotFound } from "@/lib/api/api-fetch";
import { modelQueries } from "@/lib/api/model-queries";
import { recordQueries, segmentQueries } from "@/lib/api/segment-queries";
import { SegmentChanges } from "./segment-changes";

const counts = new Intl.NumberFormat("en");

/** `/segments/[uuid]`: a segment's filter, how many records it holds, and what each sync changed in it. */
export function SegmentDetail({ uuid }: { uuid: string }) {
  const segment = useQuery(segmentQueries.detail(uuid));
  const modelUuid = segment.data?.segment.modelUuid ?? "";
  const model = useQuery({ ...modelQueries.detail(modelUuid), enabled: Boolean(modelUuid) });
  const size = useQuery({
    ...recordQueries.page({ modelUuid, filter: segment.data?.segment.filter ?? { conjonction: "and", groups: [] }, sort: [], offset: 0, limit: 0 }),
    enabled: Boolean(modelUuid),
  });

  if (segment.isPending || segment.error) {
    return (
      <PageState load={segment} thing="segment" missing={isNotFound(segment.error)} back={{ href: "/models", label: "All models" }} id={uuid}>
        <Skeleton className="h-14 w-80" />
        <Skeleton className="h-40" />
      </PageState>
    );
  }

  const current = segment.data.segment;
  const modelName = model.data?.model.name ?? "Model";
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href={`/models/${current.modelUuid}`} className="mb-2 inline-flex items-center gap-1 text-sm text-fg-muted hover:text-fg">
          <ChevronLeft aria-hidden className="size-4" />
          {modelName}
        </Link>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="text-xl font-semibold">{current.name}</h1>
            <p role="status" aria-label="Segment size" className="mt-1 text-sm text-fg-muted tabular-nums">
              {size.data && model.data
                ? `${counts.format(size.data.count)} of ${counts.format(model.data.model.recordsCount)} records of ${modelName}`
                : size.error
                  ? "The segment's filter no longer fits the model's columns"
                  : "Counting…"}
            </p>
          </div>
          <RunOnSegmentLink segmentUuid={current.uuid} />
        </div>
      </div>
      <section aria-labelledby="segment-filter-heading">
        <h2 id="segment-filter-heading" className="mb-2 text-base font-semibold">
          Filter
        </h2>
        <Card className="overflow-x-auto p-4">
          <pre className="font-mono text-xs leading-relaxed">{JSON.stringify({ filter: current.filter, sort: current.sort }, null, 2)}</pre>
        </Card>
      </section>
      <SegmentChanges segmentUuid={current.uuid} />
    </div>
  );
}
