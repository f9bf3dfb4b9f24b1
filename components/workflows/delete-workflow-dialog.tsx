"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { useDeleteWorkflowMutation } from "@/lib/api/workflow-mutations";
import type { WorkflowSummary } from "@/lib/contract";

/** Asks before deleting a workflow, naming it; its past runs stay in the run history. */
export function DeleteWorkflowDialog({ workflow, open, onClose }: { workflow: WorkflowSummary; open: boolean; onClose: () => void }) {
  const remove = useDeleteWorkflowMutation();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title={`Delete “${workflow.name}”?`}
      description="The workflow and its graph are deleted for good. Runs it already made stay in the run history."
    >
      {remove.error && <Alert title="Could not delete the workflow">{remove.error.message}</Alert>}
      <DialogActions>
        <Button variant="secondary" onClick={close} data-autofocus>
          Cancel
        </Button>
        <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate(workflow.uuid, { onSuccess: close })}>
          {remove.isPending ? "Deleting…" : "Delete workflow"}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
