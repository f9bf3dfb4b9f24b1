import type { Metadata } from "next";
import { Suspense } from "react";
import { NewBatch } from "@/components/batches/new-batch";
import { Skeleton } from "@/components/ui/skeleton";

export const metadata: Metadata = { title: "Run on records" };

export default function NewBatchPage() {
  return (
    // The workflow and segment come from the URL's query, which a static page only knows in the browser.
    <Suspense fallback={<Skeleton className="mx-auto h-96 max-w-2xl" />}>
      <NewBatch />
    </Suspense>
  );
}
