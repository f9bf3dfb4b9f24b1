"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { SchemaForm } from "@/components/forms/schema-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Label } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { useUpdateConnectorMutation } from "@/lib/api/connector-mutations";
import { connectorQueries } from "@/lib/api/connector-queries";
import { integrationQueries } from "@/lib/api/integration-queries";
import { withSecretWidgets } from "./connector-config-schema";
import { requiringLockedSecrets, withoutLockedSecrets } from "./secrets-lock";
import { SecretsLockAlert } from "./secrets-lock-notice";

/**
 * Rename or reconfigure a connector. Secrets show as a mask and stay unchanged unless re-entered;
 * a connector locked because its integration moved asks for its secrets again, empty and required.
 */
export function ConnectorEditor({ uuid }: { uuid: string }) {
  const router = useRouter();
  const connector = useQuery(connectorQueries.detail(uuid));
  const slug = connector.data?.connector.integrationSlug ?? "";
  const integration = useQuery({ ...integrationQueries.detail(slug), enabled: Boolean(slug) });
  const update = useUpdateConnectorMutation();
  const [name, setName] = useState<string | null>(null);
  const [config, setConfig] = useState<Record<string, unknown> | null>(null);
  const schema = integration.data?.integration.connector.config;
  const lock = connector.data?.connector.secretsLock ?? null;
  const secretFields = connector.data?.connector.secretFields;
  const jsonSchema = useMemo(() => (schema ? requiringLockedSecrets(schema.jsonSchema, lock) : {}), [schema, lock]);
  const uiSchema = useMemo(() => (schema ? withSecretWidgets(schema.jsonSchema, schema.uiSchema, secretFields) : {}), [schema, secretFields]);
  const savedConfig = connector.data?.connector.config;
  const initialConfig = useMemo(() => withoutLockedSecrets(savedConfig ?? {}, lock), [savedConfig, lock]);

  if (connector.isPending) return <Skeleton className="h-48" />;
  if (connector.error) return <Alert title="Could not load the connector">{connector.error.message}</Alert>;
  const current = connector.data.connector;

  return (
    <Card className="max-w-2xl space-y-4 p-5">
      <div>
        <Label htmlFor="connector-name">Name</Label>
        <input
          id="connector-name"
          className="h-9 w-full rounded-md border border-border bg-surface px-3 text-sm"
          value={name ?? current.name}
          onChange={(e) => setName(e.target.value)}
        />
        <p className="mt-1 text-sm text-fg-muted">
          Slug <code className="font-mono">{current.slug}</code> · {current.integrationSlug}
        </p>
      </div>
      <SecretsLockAlert connector={current} jsonSchema={schema?.jsonSchema} />
      {integration.error && <Alert title="Could not load the integration">{integration.error.message}</Alert>}
      {schema && (
        <SchemaForm
          schema={jsonSchema}
          uiSchema={uiSchema}
          formData={config ?? initialConfig}
          integrationSlug={current.integrationSlug}
          onChange={setConfig}
          submitLabel={update.isPending ? "Saving…" : lock ? "Save the new secrets" : "Save changes"}
          disabled={update.isPending}
          onSubmit={(values) =>
            update.mutate(
              { uuid, name: (name ?? current.name).trim(), config: values },
              { onSuccess: () => router.push("/connectors") },
            )
          }
        />
      )}
      {update.error && <Alert title="Could not save the connector">{update.error.message}</Alert>}
    </Card>
  );
}
