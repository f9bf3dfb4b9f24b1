import { Workflow } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Workflows" };

export default function WorkflowsPage() {
  return (
    <>
      <PageHeader title="Workflows" description="Chains of actions that run on your connectors, built on a visual canvas." />
      <EmptyState
        icon={<Workflow className="size-5" />}
        title="No workflows yet"
        action={
          <Link href="/connectors" className="inline-flex h-9 items-center rounded-md border border-border bg-surface px-4 text-sm font-medium">
            Set up a connector first
          </Link>
        }
      >
        A workflow starts from a start node and runs one action after another. Workflows use connectors, so set one up
        before you build your first workflow.
      </EmptyState>
    </>
  );
}
