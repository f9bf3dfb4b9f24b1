"use client";

import { Copy, Pencil, Trash2, Workflow } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { plural } from "@/components/integrations/format";
import { RelativeTime } from "@/components/integrations/relative-time";
import { Button } from "@/components/ui/button";
import { useDuplicateWorkflowMutation } from "@/lib/api/workflow-mutations";
import type { WorkflowSummary } from "@/lib/contract";
import { DeleteWorkflowDialog } from "./delete-workflow-dialog";
import { RenameWorkflowDialog } from "./rename-workflow-dialog";

/** One workflow in the list: its name (to the editor), size and last update, and its actions. */
export function WorkflowListRow({ workflow }: { workflow: WorkflowSummary }) {
  const [dialog, setDialog] = useState<"rename" | "delete" | null>(null);
  const duplicate = useDuplicateWorkflowMutation();
  return (
    <li aria-label={workflow.name} className="flex flex-wrap items-center gap-4 p-4">
      <div className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-accent/10 text-accent">
        <Workflow aria-hidden className="size-4.5" />
      </div>
      <div className="min-w-0 flex-1">
        <Link href={`/workflows/${workflow.uuid}`} className="block truncate font-medium hover:underline">
          {workflow.name}
        </Link>
        <p className="text-sm text-fg-muted">
          {plural(workflow.nodesCount, "node")} · updated <RelativeTime iso={workflow.updatedAt} />
        </p>
        {duplicate.error && (
          <p role="alert" className="mt-1 text-sm text-danger">
            Could not duplicate: {duplicate.error.message}
          </p>
        )}
      </div>
      <div className="flex gap-1">
        <Button variant="ghost" size="sm" aria-label={`Rename ${workflow.name}`} onClick={() => setDialog("rename")}>
          <Pencil aria-hidden className="size-3.5" />
          Rename
        </Button>
        <Button
          variant="ghost"
          size="sm"
          aria-label={`Duplicate ${workflow.name}`}
          disabled={duplicate.isPending}
          onClick={() => duplicate.mutate(workflow.uuid)}
        >
          <Copy aria-hidden className="size-3.5" />
          {duplicate.isPending ? "Duplicating…" : "Duplicate"}
        </Button>
        <Button
          variant="ghost"
          size="sm"
          aria-label={`Delete ${workflow.name}`}
          className="hover:bg-danger/10 hover:text-danger"
          onClick={() => setDialog("delete")}
        >
          <Trash2 aria-hidden className="size-3.5" />
          Delete
        </Button>
      </div>
      <RenameWorkflowDialog workflow={workflow} open={dialog === "rename"} onClose={() => setDialog(null)} />
      <DeleteWorkflowDialog workflow={workflow} open={dialog === "delete"} onClose={() => setDialog(null)} />
    </li>
  );
}
