"use client";

import { useQuery } from "@tanstack/react-query";
import { Workflow } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { workflowQueries } from "@/lib/api/workflow-queries";
import { CreateWorkflowButton } from "./create-workflow-dialog";
import { WorkflowListRow } from "./workflow-list-row";

/** Every workflow, most recently updated first, with rename, duplicate and delete on each row. */
export function WorkflowList() {
  const { data, error, isPending, refetch, isFetching } = useQuery(workflowQueries.list());
  if (isPending) return <WorkflowListSkeleton />;
  if (error) return <QueryError title="Could not load workflows" error={error} onRetry={() => refetch()} retrying={isFetching} />;
  if (data.workflows.length === 0) {
    return (
      <EmptyState icon={<Workflow className="size-5" />} title="No workflows yet" action={<CreateWorkflowButton />}>
        A workflow begins at a start node and runs one action after another on your connectors: branch on what they
        return, then end with the values you want back.
      </EmptyState>
    );
  }
  return (
    <ul aria-label="Workflows" className="divide-y divide-border rounded-lg border border-border bg-surface shadow-xs">
      {data.workflows.map((workflow) => (
        <WorkflowListRow key={workflow.uuid} workflow={workflow} />
      ))}
    </ul>
  );
}

export function WorkflowListSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading workflows" className="divide-y divide-border rounded-lg border border-border bg-surface">
      {Array.from({ length: 4 }, (_, index) => (
        <div key={index} className="flex items-center gap-4 p-4">
          <Skeleton className="size-9 rounded-lg" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-4 w-56" />
            <Skeleton className="h-3 w-40" />
          </div>
          <Skeleton className="h-8 w-48" />
        </div>
      ))}
    </div>
  );
}
