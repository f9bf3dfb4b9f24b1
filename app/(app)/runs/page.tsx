import type { Metadata } from "next";
import { Suspense } from "react";
import { RunList, RunListSkeleton } from "@/components/runs/run-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Runs" };

export default function RunsPage() {
  return (
    <>
      <PageHeader title="Runs" description="Every execution of a workflow or a single action, node by node." />
      {/* The status filter reads the URL's query, which a static page only knows in the browser. */}
      <Suspense fallback={<RunListSkeleton />}>
        <RunList />
      </Suspense>
    </>
  );
}
