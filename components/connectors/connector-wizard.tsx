"use client";

import { useQuery } from "@tanstack/react-query";
import { CheckCircle2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { SchemaForm } from "@/components/forms/schema-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Label, Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { useCreateConnectorMutation, useTestConnectorConfigMutation } from "@/lib/api/connector-mutations";
import { integrationQueries } from "@/lib/api/integration-queries";
import { suggestSlug, withSecretWidgets } from "./connector-config-schema";
import { useSlugCheck } from "./use-slug-check";

/** Integration → credentials → Test connection → name and slug → save. */
export function ConnectorWizard({ initialIntegration }: { initialIntegration?: string }) {
  const router = useRouter();
  const [integrationSlug, setIntegrationSlug] = useState(initialIntegration ?? "");
  const [config, setConfig] = useState<Record<string, unknown>>({});
  // null means "not typed yet": the name follows the integration, the slug follows the name.
  const [typedName, setTypedName] = useState<string | null>(null);
  const [typedSlug, setTypedSlug] = useState<string | null>(null);
  const integrations = useQuery(integrationQueries.list());
  const detail = useQuery({ ...integrationQueries.detail(integrationSlug), enabled: Boolean(integrationSlug) });
  const test = useTestConnectorConfigMutation();
  const create = useCreateConnectorMutation();
  const integration = detail.data?.integration;
  const name = typedName ?? integration?.name ?? "";
  const slug = typedSlug ?? suggestSlug(name);
  const slugCheck = useSlugCheck(slug);
  const uiSchema = useMemo(
    () => (integration ? withSecretWidgets(integration.connector.config.jsonSchema, integration.connector.config.uiSchema) : {}),
    [integration],
  );
  const tested = test.data?.outcome === "success";

  const chooseIntegration = (next: string) => {
    setIntegrationSlug(next);
    setConfig({});
    test.reset();
    setTypedName(null);
  };

  if (integrations.isPending) return <Skeleton className="h-48" />;
  if (integrations.error) return <Alert title="Could not load integrations">{integrations.error.message}</Alert>;
  const connectable = integrations.data.integrations.filter((i) => i.kind === "custom");

  return (
    <div className="max-w-2xl space-y-6">
      <Card className="p-5">
        <h2 className="mb-3 font-semibold">1. Integration</h2>
        <Label htmlFor="wizard-integration">Integration</Label>
        <Select id="wizard-integration" value={integrationSlug} onChange={(e) => chooseIntegration(e.target.value)}>
          <option value="">Choose an integration…</option>
          {connectable.map((i) => (
            <option key={i.slug} value={i.slug}>
              {i.name}
            </option>
          ))}
        </Select>
      </Card>

      {integrationSlug && (
        <Card className="p-5">
          <h2 className="mb-1 font-semibold">2. Credentials</h2>
          <p className="mb-4 text-sm text-fg-muted">Secrets are encrypted on the server and never shown again after you save.</p>
          {detail.isPending && <Skeleton className="h-32" />}
          {detail.error && <Alert title="Could not load the integration">{detail.error.message}</Alert>}
          {integration && (
            <SchemaForm
              schema={integration.connector.config.jsonSchema}
              uiSchema={uiSchema}
              formData={config}
              integrationSlug={integrationSlug}
              onChange={(next) => {
                setConfig(next);
                if (test.data) test.reset();
              }}
              submitLabel={test.isPending ? "Testing…" : "Test connection"}
              disabled={test.isPending}
              onSubmit={(values) => test.mutate({ integrationSlug, config: values })}
            />
          )}
          <div aria-live="polite" className="mt-4">
            {tested && (
              <p role="status" className="flex items-center gap-2 text-sm font-medium text-success">
                <CheckCircle2 aria-hidden className="size-4" /> Connection works
              </p>
            )}
            {test.data?.outcome === "error" && <Alert title="The integration refused these credentials">{test.data.errorMessage}</Alert>}
            {test.error && <Alert title="Could not test the connection">{test.error.message}</Alert>}
          </div>
        </Card>
      )}

      {tested && (
        <Card className="space-y-4 p-5">
          <h2 className="font-semibold">3. Name</h2>
          <div>
            <Label htmlFor="wizard-name">Name</Label>
            <input
              id="wizard-name"
              className="h-9 w-full rounded-md border border-border bg-surface px-3 text-sm"
              value={name}
              onChange={(e) => setTypedName(e.target.value)}
            />
          </div>
          <div>
            <Label htmlFor="wizard-slug">Slug</Label>
            <input
              id="wizard-slug"
              aria-describedby="wizard-slug-status"
              aria-invalid={!slugCheck.ok && !slugCheck.checking}
              className="h-9 w-full rounded-md border border-border bg-surface px-3 font-mono text-sm"
              value={slug}
              onChange={(e) => setTypedSlug(e.target.value)}
            />
            <p id="wizard-slug-status" className={`mt-1 text-sm ${slugCheck.ok ? "text-success" : slugCheck.checking ? "text-fg-muted" : "text-danger"}`}>
              {slugCheck.message}
            </p>
          </div>
          {create.error && <Alert title="Could not save the connector">{create.error.message}</Alert>}
          <Button
            disabled={!slugCheck.ok || !name.trim() || create.isPending}
            onClick={() =>
              create.mutate({ integrationSlug, slug, name: name.trim(), config }, { onSuccess: () => router.push("/connectors") })
            }
          >
            {create.isPending ? "Saving…" : "Save connector"}
          </Button>
        </Card>
      )}
    </div>
  );
}
