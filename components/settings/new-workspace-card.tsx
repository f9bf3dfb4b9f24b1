"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextInput } from "@/components/ui/text-input";
import { useCreateWorkspaceMutation, useSwitchWorkspaceMutation } from "@/lib/api/account-mutations";

/** Anyone signed in may start a workspace of their own; they own it and the session moves there. */
export function NewWorkspaceCard() {
  const router = useRouter();
  const create = useCreateWorkspaceMutation();
  const switchTo = useSwitchWorkspaceMutation();
  const [name, setName] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name, {
      onSuccess: ({ workspace }) =>
        switchTo.mutate(workspace.uuid, {
          onSuccess: () => {
            router.push("/integrations");
            router.refresh();
          },
        }),
    });
  };
  const error = create.error ?? switchTo.error;
  return (
    <Card className="space-y-3 p-4">
      <div>
        <h2 className="text-sm font-semibold">New workspace</h2>
        <p className="mt-1 text-sm text-fg-muted">A separate set of integrations, connectors, workflows and runs, with its own members. You will be its owner.</p>
      </div>
      <form onSubmit={submit} className="flex items-end gap-2" aria-label="Create a workspace">
        <div className="flex-1">
          <label htmlFor="workspace-name" className="mb-1.5 block text-sm font-medium">
            Workspace name
          </label>
          <TextInput id="workspace-name" required maxLength={100} value={name} onChange={(event) => setName(event.target.value)} />
        </div>
        <Button type="submit" variant="secondary" disabled={create.isPending || switchTo.isPending}>
          {create.isPending || switchTo.isPending ? "Creating…" : "Create workspace"}
        </Button>
      </form>
      {error && <Alert title="No workspace was created">{error.message}</Alert>}
    </Card>
  );
}
