"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useRef } from "react";
import type { CustomIntegration } from "@/lib/contract";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { trapFocus, useModalDialog } from "@/components/ui/modal-dialog";
import { connectorQueries } from "@/lib/api/connector-queries";
import { useDeleteCustomIntegrationMutation } from "@/lib/api/custom-integration-queries";
import { plural } from "../format";

/** Asks before deleting, naming the connectors that go with the integration. */
export function DeleteIntegrationDialog({ integration, onClose }: { integration: CustomIntegration; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const connectors = useQuery(connectorQueries.list(integration.slug));
  const remove = useDeleteCustomIntegrationMutation();

  // Open while mounted; Cancel is focused first, so Enter never deletes by accident.
  useModalDialog(ref, true, (dialog) => dialog.querySelector<HTMLButtonElement>("[data-cancel]")?.focus());

  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onClose={onClose}
      onKeyDown={trapFocus}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-border bg-surface p-5 text-fg shadow-lg backdrop:bg-black/50"
    >
      <h2 id={titleId} className="text-base font-semibold break-words">
        Delete {integration.name}?
      </h2>
      <div id={descriptionId} className="mt-2 space-y-2 text-sm text-fg-muted">
        <p className="break-words">
          {integration.name} leaves the catalog, and workflows that use its actions stop working. The server at{" "}
          <span className="font-mono break-all">{integration.baseUrl}</span> is not affected.
        </p>
        <ConnectorWarning
          name={integration.name}
          connectorNames={connectors.data?.connectors.map((connector) => connector.name)}
          error={connectors.error}
        />
      </div>
      {remove.error && (
        <div className="mt-3">
          <Alert title="Could not delete">{remove.error.message}</Alert>
        </div>
      )}
      <div className="mt-5 flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose} disabled={remove.isPending} data-cancel>
          Cancel
        </Button>
        <Button variant="danger" onClick={() => remove.mutate(integration.uuid, { onSuccess: onClose })} disabled={remove.isPending || connectors.isPending}>
          {remove.isPending ? "Deleting…" : "Delete integration"}
        </Button>
      </div>
    </dialog>
  );
}

function ConnectorWarning({ name, connectorNames, error }: { name: string; connectorNames?: string[]; error: Error | null }) {
  if (error) return <p>Could not check which connectors use it: {error.message}</p>;
  if (!connectorNames) return <p>Checking which connectors use it…</p>;
  if (connectorNames.length === 0) return <p>No connector uses it.</p>;
  return (
    <p className="font-medium break-words text-danger">
      Deleting {name} also deletes {plural(connectorNames.length, "connector")}: {connectorNames.join(", ")}.
    </p>
  );
}
