"use client";

import { useId, useState } from "react";
import type { CustomIntegration } from "@/lib/contract";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/select";
import { useUpdateCustomIntegrationUrlMutation } from "@/lib/api/custom-integration-queries";
import { TextInput } from "@/components/ui/text-input";
import { MutationError } from "./mutation-error";

/** Points a registration at a new server; the server there must serve a valid manifest first. */
export function ChangeUrlForm({ integration, onDone }: { integration: CustomIntegration; onDone: () => void }) {
  const inputId = useId();
  const [baseUrl, setBaseUrl] = useState(integration.baseUrl);
  const update = useUpdateCustomIntegrationUrlMutation();
  return (
    <div className="mt-4 space-y-3 rounded-md border border-border bg-bg p-3">
      <form
        aria-label={`Change the URL of ${integration.name}`}
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate({ uuid: integration.uuid, baseUrl: baseUrl.trim() }, { onSuccess: onDone });
        }}
      >
        <div className="min-w-0 flex-1 basis-72">
          <Label htmlFor={inputId}>New base URL</Label>
          <TextInput
            id={inputId}
            type="url"
            required
            autoFocus
            value={baseUrl}
            onChange={(event) => {
              setBaseUrl(event.target.value);
              update.reset();
            }}
            className="font-mono"
          />
        </div>
        <Button type="submit" disabled={update.isPending || !baseUrl.trim()}>
          {update.isPending ? "Checking…" : "Save URL"}
        </Button>
        <Button variant="secondary" onClick={onDone} disabled={update.isPending}>
          Cancel
        </Button>
      </form>
      {update.error && <MutationError error={update.error} title="The URL was not changed" heading="h4" />}
    </div>
  );
}
