import { History } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Runs" };

export default function RunsPage() {
  return (
    <>
      <PageHeader title="Runs" description="Every execution of a workflow or a single action, node by node." />
      <EmptyState
        icon={<History className="size-5" />}
        title="No runs yet"
        action={
          <Link href="/workflows" className="inline-flex h-9 items-center rounded-md border border-border bg-surface px-4 text-sm font-medium">
            Go to workflows
          </Link>
        }
      >
        Runs appear here once you run a workflow or try an action. Each run shows what every node received, returned and
        how long it took.
      </EmptyState>
    </>
  );
}
