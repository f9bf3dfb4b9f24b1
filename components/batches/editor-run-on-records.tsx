"use client";

import { Rows3 } from "lucide-react";
import { useState } from "react";
import { useEditorStore } from "@/components/canvas/editor-context";
import { savedWithin } from "@/components/runs/use-start-test-run";
import { Button } from "@/components/ui/button";
import { RunOnRecordsDialog } from "./run-on-records-dialog";

const SAVE_WAIT_MS = 5_000;

/**
 * The editor's Runs tab entry to batches: "Run on records…" opens the dialog for this workflow.
 * A batch runs the saved workflow, so unsaved edits get up to 5 s to be saved first, as a test run's do.
 */
export function EditorRunOnRecords({ workflowUuid }: { workflowUuid: string }) {
  const store = useEditorStore();
  const [open, setOpen] = useState(false);

  const beforeStart = async () => {
    if (!(await savedWithin(store, SAVE_WAIT_MS))) {
      return store.getState().staleWorkflow
        ? "Someone else saved this workflow since you opened it. Reload it before running."
        : "Your latest changes are not saved yet, and a batch runs the saved workflow. Try again once they are.";
    }
  };

  return (
    <section aria-label="Run on records" className="flex flex-col items-start gap-2.5 border-b border-border p-4 text-sm">
      <div>
        <h3 className="font-semibold">Run on records</h3>
        <p className="mt-0.5 text-xs text-fg-muted">One run per record: a segment, a filter, a CSV or pasted records.</p>
      </div>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} aria-haspopup="dialog" className="whitespace-nowrap">
        <Rows3 aria-hidden className="size-3.5" />
        Run on records…
      </Button>
      <RunOnRecordsDialog
        open={open}
        onClose={() => setOpen(false)}
        workflowUuid={workflowUuid}
        beforeStart={beforeStart}
        description="Runs the saved workflow once per record, each record as the start node's output (nodes.start.<field>)."
      />
    </section>
  );
}
