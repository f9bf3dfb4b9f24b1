"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { ApiError } from "@/lib/api/api-fetch";
import { useUpdateWorkflowMutation } from "@/lib/api/workflow-mutations";
import { workflowKeys } from "@/lib/api/workflow-queries";
import type { WorkflowSummary } from "@/lib/contract";
import { WorkflowNameField } from "./workflow-name-field";

/** Renames a workflow from the list, based on the row's `updatedAt` so it never overwrites a newer save. */
export function RenameWorkflowDialog({ workflow, open, onClose }: { workflow: WorkflowSummary; open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title={`Rename “${workflow.name}”`}>
      <RenameForm workflow={workflow} onDone={onClose} />
    </Dialog>
  );
}

function RenameForm({ workflow, onDone }: { workflow: WorkflowSummary; onDone: () => void }) {
  const queryClient = useQueryClient();
  const update = useUpdateWorkflowMutation();
  const [name, setName] = useState(workflow.name);
  const [nameError, setNameError] = useState<string>();
  const stale = update.error instanceof ApiError && update.error.status === 409;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setNameError("Give the workflow a name.");
    setNameError(undefined);
    if (trimmed === workflow.name) return onDone();
    update.mutate(
      // `workflow` is the row as the list shows it now: after a 409 the list refetches, so a second try is based on the newer version.
      { uuid: workflow.uuid, name: trimmed, updatedAt: workflow.updatedAt },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (error instanceof ApiError && error.status === 409) void queryClient.invalidateQueries({ queryKey: workflowKeys.lists() });
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <WorkflowNameField value={name} onChange={setName} error={nameError} />
      {update.error && (
        <div className="mt-4">
          {stale ? (
            <Alert tone="neutral" title="Someone else changed this workflow">
              The list now shows the latest version{workflow.name !== name.trim() ? ` (named “${workflow.name}”)` : ""}. Save again to rename it.
            </Alert>
          ) : (
            <Alert title="Could not rename the workflow">{update.error.message}</Alert>
          )}
        </div>
      )}
      <DialogActions>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save"}
        </Button>
      </DialogActions>
    </form>
  );
}
