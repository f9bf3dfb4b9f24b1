"use client";

import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { Card } from "@/components/ui/card";
import { RunOnRecordsForm } from "./run-on-records-form";

/**
 * `/batches/new?workflowUuid&segmentUuid`: "Run on records" as a page, for entry points outside
 * the editor (a segment's "Run a workflow on it" links here with the segment chosen).
 */
export function NewBatch() {
  const params = useSearchParams();
  const segmentUuid = params.get("segmentUuid") ?? undefined;
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-4">
      <div>
        <Link href="/batches" className="inline-flex items-center gap-1 text-sm text-fg-muted hover:text-fg">
          <ArrowLeft aria-hidden className="size-3.5" /> Batches
        </Link>
        <h1 className="mt-2 text-xl font-semibold tracking-tight">Run on records</h1>
        <p className="mt-1 text-sm text-fg-muted">Runs a saved workflow once per record, each record as the start node&apos;s output (nodes.start.&lt;field&gt;).</p>
      </div>
      <Card className="p-5">
        <RunOnRecordsForm initialWorkflowUuid={params.get("workflowUuid") ?? ""} initialSegmentUuid={segmentUuid} />
      </Card>
    </div>
  );
}
