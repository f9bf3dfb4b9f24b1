"use client";

import { useQuery } from "@tanstack/react-query";
import { Wrench } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { toolQueries } from "@/lib/api/tool-queries";
import type { Tool } from "@/lib/contract";
import { CreateToolButton } from "./create-tool-dialog";

/** Every tool, newest first: its workflow, the deployed version it runs, and whether its webhook is on. */
export function ToolList() {
  const tools = useQuery(toolQueries.list());

  if (tools.isPending) return <Skeleton className="h-40" aria-label="Loading tools" />;
  if (tools.error) return <QueryError title="Could not load tools" error={tools.error} onRetry={() => tools.refetch()} retrying={tools.isFetching} />;
  if (tools.data.tools.length === 0) {
    return (
      <EmptyState icon={<Wrench className="size-5" />} title="No tools yet" action={<CreateToolButton />}>
        A tool is a deployed workflow behind a form (and, if you like, a signed webhook). Create one from a workflow; deploy the workflow from the editor for the tool to run it.
      </EmptyState>
    );
  }
  return (
    <DataTable caption="Tools, newest first" columns={["Tool", "Workflow", "Deployed", "Webhook"]}>
      {tools.data.tools.map((tool) => (
        <ToolRow key={tool.uuid} tool={tool} />
      ))}
    </DataTable>
  );
}

function ToolRow({ tool }: { tool: Tool }) {
  return (
    <tr className="group relative hover:bg-surface-muted/60">
      <td className="px-4 py-3">
        {/* The link's box covers the row, so the whole row opens the tool. */}
        <Link href={`/tools/${tool.uuid}`} className="font-medium after:absolute after:inset-0 group-hover:underline">
          {tool.name}
        </Link>
        {tool.description && <p className="line-clamp-1 text-xs text-fg-muted">{tool.description}</p>}
      </td>
      <td className="px-4 py-3 text-fg-muted">{tool.workflowName}</td>
      <td className="px-4 py-3">
        {tool.deployedRelease ? <Badge tone="success">v{tool.deployedRelease.version}</Badge> : <Badge>Not deployed</Badge>}
      </td>
      <td className="px-4 py-3">{tool.webhook.enabled ? <Badge tone="accent">On</Badge> : <span className="text-fg-muted">Off</span>}</td>
    </tr>
  );
}
