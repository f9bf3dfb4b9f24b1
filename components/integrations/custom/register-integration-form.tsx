"use client";

import Link from "next/link";
import { useId, useState } from "react";
import type { CustomIntegration } from "@/lib/contract";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/select";
import { usePreviewCustomIntegrationMutation, useRegisterCustomIntegrationMutation } from "@/lib/api/custom-integration-queries";
import { TextInput } from "@/components/ui/text-input";
import { ManifestPreview } from "./manifest-preview";
import { MutationError } from "./mutation-error";

/**
 * Register in two steps: "Check manifest" fetches and validates the server's manifest without
 * saving, then the preview's "Register integration" saves it.
 */
export function RegisterIntegrationForm() {
  const inputId = useId();
  const hintId = useId();
  const [baseUrl, setBaseUrl] = useState("");
  const [registered, setRegistered] = useState<CustomIntegration | null>(null);
  const preview = usePreviewCustomIntegrationMutation();
  const register = useRegisterCustomIntegrationMutation();

  const reset = () => {
    preview.reset();
    register.reset();
  };

  const registerPreviewed = () => {
    if (!preview.variables) return;
    register.mutate(preview.variables, {
      onSuccess: ({ customIntegration }) => {
        setRegistered(customIntegration);
        setBaseUrl("");
        reset();
      },
    });
  };

  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          reset();
          setRegistered(null);
          preview.mutate(baseUrl.trim());
        }}
      >
        <div className="min-w-0 flex-1 basis-72">
          <Label htmlFor={inputId}>Base URL</Label>
          <TextInput
            id={inputId}
            type="url"
            required
            value={baseUrl}
            onChange={(event) => {
              setBaseUrl(event.target.value);
              reset();
            }}
            placeholder="https://integrations.example.com/my-integration"
            aria-describedby={hintId}
            className="font-mono"
          />
        </div>
        <Button type="submit" disabled={preview.isPending || !baseUrl.trim()}>
          {preview.isPending ? "Checking…" : "Check manifest"}
        </Button>
        <p id={hintId} className="basis-full text-xs text-fg-muted">
          Where the integration server listens; the app reads <code className="font-mono">GET /manifest</code> below it.
        </p>
      </form>

      {preview.isPending && (
        <p role="status" className="text-sm text-fg-muted">
          Fetching the manifest…
        </p>
      )}
      {preview.error && <MutationError error={preview.error} title="Could not check the manifest" />}
      {preview.data && (
        <ManifestPreview preview={preview.data} onRegister={registerPreviewed} onCancel={reset} isRegistering={register.isPending} />
      )}
      {register.error && <MutationError error={register.error} title="Could not register the integration" />}
      {registered && (
        <Alert tone="neutral" title={`${registered.name} is registered`}>
          It is now in the catalog as{" "}
          <Link href={`/integrations/${encodeURIComponent(registered.slug)}`} className="font-medium text-accent hover:underline">
            {registered.name}
          </Link>
          .
        </Alert>
      )}
    </div>
  );
}
