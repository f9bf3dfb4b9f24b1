"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState, type FormEvent } from "react";
import { WorkflowNameField } from "@/components/workflows/workflow-name-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { useUseTemplateMutation } from "@/lib/api/template-mutations";
import type { TemplateSummary } from "@/lib/contract";
import { TemplateConnectorSelect } from "./template-connector-select";

/** "Use template": a name and a connector per integration it needs; creates the workflow and opens it in the editor. */
export function UseTemplateDialog({ template, open, onClose }: { template: TemplateSummary; open: boolean; onClose: () => void }) {
  const description = template.integrations.length
    ? "Pick the connectors it runs with; you can change anything in the editor afterwards."
    : "It needs no connector; you can change anything in the editor afterwards.";
  return (
    <Dialog open={open} onClose={onClose} title={`Use “${template.name}”`} description={description}>
      <UseTemplateForm template={template} onCancel={onClose} />
    </Dialog>
  );
}

function UseTemplateForm({ template, onCancel }: { template: TemplateSummary; onCancel: () => void }) {
  const router = useRouter();
  const use = useUseTemplateMutation();
  const [name, setName] = useState(template.name);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Once created, the dialog stays busy until the editor has replaced this page.
  const busy = use.isPending || use.isSuccess;
  const choose = useCallback((integrationSlug: string, uuid: string) => setChosen((current) => ({ ...current, [integrationSlug]: uuid })), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = "Give the workflow a name.";
    for (const need of template.integrations) {
      if (!chosen[need.integrationSlug]) found[need.integrationSlug] = `Pick the ${need.name} connector to use, or set one up first.`;
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    use.mutate(
      { slug: template.slug, name: name.trim(), connectorUuidsByIntegrationSlug: chosen },
      { onSuccess: ({ workflow }) => router.push(`/workflows/${workflow.uuid}`) },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <WorkflowNameField value={name} onChange={setName} error={errors.name} />
      {template.integrations.map((need) => (
        <TemplateConnectorSelect
          key={need.integrationSlug}
          need={need}
          value={chosen[need.integrationSlug] ?? ""}
          onChange={(uuid) => choose(need.integrationSlug, uuid)}
          error={errors[need.integrationSlug]}
        />
      ))}
      {use.error && <Alert title="Could not use the template">{use.error.message}</Alert>}
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
