"use client";

import { useQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { TextInput } from "@/components/ui/text-input";
import { useCreateToolMutation } from "@/lib/api/tool-mutations";
import { toolQueries } from "@/lib/api/tool-queries";
import { workflowQueries } from "@/lib/api/workflow-queries";

/** "Create tool": opens the dialog that picks a workflow (one without a tool) and names the tool. */
export function CreateToolButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)} aria-haspopup="dialog">
        <Plus aria-hidden className="size-3.5" />
        Create tool
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Create tool" description="A tool runs its workflow's deployed release from a form or a signed webhook.">
        <CreateToolForm onCancel={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function CreateToolForm({ onCancel }: { onCancel: () => void }) {
  const router = useRouter();
  const id = useId();
  const workflows = useQuery(workflowQueries.list());
  const tools = useQuery(toolQueries.list());
  const create = useCreateToolMutation();
  const [workflowUuid, setWorkflowUuid] = useState("");
  const [name, setName] = useState("");
  const taken = new Set(tools.data?.tools.map((tool) => tool.workflowUuid));
  const choices = workflows.data?.workflows.filter((workflow) => !taken.has(workflow.uuid)) ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const workflowName = choices.find((workflow) => workflow.uuid === workflowUuid)?.name ?? "";
    create.mutate({ workflowUuid, name: name.trim() || workflowName }, { onSuccess: ({ tool }) => router.push(`/tools/${tool.uuid}`) });
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4">
      <Field id={`${id}-workflow`} label="Workflow" hint="Workflows that have no tool yet. The tool runs the deployed release.">
        {(props) => (
          <Select {...props} data-autofocus value={workflowUuid} onChange={(event) => setWorkflowUuid(event.target.value)} disabled={workflows.isPending} required>
            <option value="">{workflows.isPending ? "Loading…" : "Choose a workflow"}</option>
            {choices.map((workflow) => (
              <option key={workflow.uuid} value={workflow.uuid}>
                {workflow.name}
                {workflow.deployedRelease ? ` (v${workflow.deployedRelease.version})` : " (not deployed)"}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id={`${id}-name`} label="Name" hint="Defaults to the workflow's name.">
        {(props) => <TextInput {...props} value={name} onChange={(event) => setName(event.target.value)} maxLength={120} />}
      </Field>
      {create.error && <Alert title="Could not create the tool">{create.error.message}</Alert>}
      <DialogActions>
        <Button variant="secondary" type="button" onClick={onCancel}>
          Cancel
        </Button>
        <Button variant="primary" type="submit" disabled={!workflowUuid || create.isPending || create.isSuccess}>
          {create.isPending ? "Creating…" : "Create tool"}
        </Button>
      </DialogActions>
    </form>
  );
}
