"use client";

import { useQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { useCreatePlayMutation } from "@/lib/api/play-mutations";
import { playQueries } from "@/lib/api/play-queries";
import { toolQueries } from "@/lib/api/tool-queries";
import { workflowQueries } from "@/lib/api/workflow-queries";
import { PlayForm } from "./play-form";
import { createBodyOf, NEW_PLAY } from "./play-form-values";

const DESCRIPTION = "A play runs its workflow's deployed release over the records a sync adds to, updates in or removes from a segment.";

/** "Create play": the dialog that binds a workflow (neither a tool nor a play yet) to a model's segment. */
export function CreatePlayButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)} aria-haspopup="dialog">
        <Plus aria-hidden className="size-3.5" />
        Create play
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Create play" description={DESCRIPTION} width="xl">
        <CreatePlayForm onCancel={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function CreatePlayForm({ onCancel }: { onCancel: () => void }) {
  const router = useRouter();
  const create = useCreatePlayMutation();
  const workflows = useQuery(workflowQueries.list());
  const tools = useQuery(toolQueries.list());
  const plays = useQuery(playQueries.list());
  const taken = new Set([...(tools.data?.tools ?? []), ...(plays.data?.plays ?? [])].map((each) => each.workflowUuid));
  const choices = workflows.data?.workflows.filter((workflow) => !taken.has(workflow.uuid)) ?? [];

  return (
    <PlayForm
      initial={NEW_PLAY}
      submitLabel="Create play"
      pendingLabel="Creating…"
      errorTitle="Could not create the play"
      pending={create.isPending || create.isSuccess}
      error={create.error}
      onCancel={onCancel}
      onSubmit={(values) => create.mutate(createBodyOf(values), { onSuccess: ({ play }) => router.push(`/plays/${play.uuid}`) })}
      workflowField={({ id, value, onChange, error }) => (
        <Field id={id} label="Workflow" hint="Workflows that are neither a tool nor a play. The play runs the deployed release." error={error}>
          {(props) => (
            <Select
              {...props}
              data-autofocus
              value={value}
              onChange={(event) => onChange(event.target.value, choices.find((workflow) => workflow.uuid === event.target.value)?.name ?? "")}
              disabled={workflows.isPending}
              required
            >
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
      )}
    />
  );
}
