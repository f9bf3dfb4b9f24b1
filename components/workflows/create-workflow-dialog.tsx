"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { useCreateWorkflowMutation } from "@/lib/api/workflow-mutations";
import { WorkflowNameField } from "./workflow-name-field";

/** "Create workflow": asks for a name, creates a start → end workflow and opens it in the editor. */
export function CreateWorkflowButton({ variant = "primary" }: { variant?: "primary" | "secondary" }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)}>
        <Plus aria-hidden className="size-4" />
        Create workflow
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Create workflow"
        description="It starts with a start node joined to an end node; add actions in the editor."
      >
        <CreateWorkflowForm onCancel={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function CreateWorkflowForm({ onCancel }: { onCancel: () => void }) {
  const router = useRouter();
  const create = useCreateWorkflowMutation();
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string>();
  // Once created, the dialog stays busy until the editor has replaced this page.
  const busy = create.isPending || create.isSuccess;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setNameError("Give the workflow a name.");
    setNameError(undefined);
    create.mutate({ name: name.trim() }, { onSuccess: ({ workflow }) => router.push(`/workflows/${workflow.uuid}`) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <WorkflowNameField value={name} onChange={setName} error={nameError} />
      {create.error && (
        <div className="mt-4">
          <Alert title="Could not create the workflow">{create.error.message}</Alert>
        </div>
      )}
      <DialogActions>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={busy}>
          {busy ? "Creating…" : "Create and open"}
        </Button>
      </DialogActions>
    </form>
  );
}
