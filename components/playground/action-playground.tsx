"use client";

import { useQuery } from "@tanstack/react-query";
import { ownEntry } from "@/lib/contract/own-entry";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { NoConnectors } from "@/components/connectors/no-connectors";
import { SecretsLockAlert } from "@/components/connectors/secrets-lock-notice";
import { SchemaForm } from "@/components/forms/schema-form";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button-link";
import { Card } from "@/components/ui/card";
import { Label, Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { useExecuteActionMutation } from "@/lib/api/action-mutations";
import { connectorQueries } from "@/lib/api/connector-queries";
import { integrationQueries } from "@/lib/api/integration-queries";
import { ExecutionResult } from "./execution-result";

export interface PlaygroundSelection {
  connector?: string;
  action?: string;
  integration?: string;
}

/** Pick a connector and an action, fill the action's form, execute it once and read the outcome. */
export function ActionPlayground({ initial }: { initial: PlaygroundSelection }) {
  const router = useRouter();
  const pathname = usePathname();
  const [selection, setSelection] = useState(initial);
  const connectors = useQuery(connectorQueries.list(initial.integration));
  const connector = connectors.data?.connectors.find((c) => c.uuid === selection.connector);
  const integration = useQuery({ ...integrationQueries.detail(connector?.integrationSlug ?? ""), enabled: Boolean(connector) });
  const action = selection.action ? ownEntry(integration.data?.integration.actions, selection.action) : undefined;
  const [formData, setFormData] = useState<Record<string, unknown>>({});
  const execute = useExecuteActionMutation();

  const select = (next: PlaygroundSelection) => {
    setSelection(next);
    setFormData({});
    execute.reset();
    const params = new URLSearchParams(Object.entries(next).filter((e): e is [string, string] => Boolean(e[1])));
    router.replace(`${pathname}?${params}`, { scroll: false });
  };

  if (connectors.isPending) return <Skeleton className="h-40" />;
  if (connectors.error) return <Alert title="Could not load connectors">{connectors.error.message}</Alert>;
  if (connectors.data.connectors.length === 0) {
    return (
      <NoConnectors>
        Actions run through a connector, which holds an integration&apos;s credentials. Create one, then come back to try its actions.
      </NoConnectors>
    );
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <Card className="space-y-4 p-5">
        <div>
          <Label htmlFor="playground-connector">Connector</Label>
          <Select
            id="playground-connector"
            value={selection.connector ?? ""}
            onChange={(e) => select({ ...selection, connector: e.target.value || undefined, action: undefined })}
          >
            <option value="">Choose a connector…</option>
            {connectors.data.connectors.map((c) => (
              <option key={c.uuid} value={c.uuid}>
                {c.name} ({c.integrationSlug})
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="playground-action">Action</Label>
          <Select
            id="playground-action"
            value={selection.action ?? ""}
            disabled={!integration.data}
            onChange={(e) => select({ ...selection, action: e.target.value || undefined })}
          >
            <option value="">{connector ? "Choose an action…" : "Choose a connector first"}</option>
            {Object.entries(integration.data?.integration.actions ?? {}).map(([slug, a]) => (
              <option key={slug} value={slug}>
                {a.name}
              </option>
            ))}
          </Select>
          {action && <p className="mt-1.5 text-sm text-fg-muted">{action.description}</p>}
        </div>
        {connector && (
          <SecretsLockAlert
            connector={connector}
            jsonSchema={integration.data?.integration.connector.config.jsonSchema}
            action={
              <ButtonLink href={`/connectors/${connector.uuid}`} size="sm" variant="primary">
                Re-enter secrets
              </ButtonLink>
            }
          />
        )}
        {integration.error && <Alert title="Could not load the integration">{integration.error.message}</Alert>}
        {action && connector && (
          <SchemaForm
            key={`${connector.uuid}:${selection.action}`}
            schema={action.config.jsonSchema}
            uiSchema={action.config.uiSchema}
            formData={formData}
            onChange={setFormData}
            connectorUuid={connector.uuid}
            submitLabel="Execute"
            disabled={execute.isPending}
            onSubmit={(config) => execute.mutate({ connectorUuid: connector.uuid, actionSlug: selection.action!, config })}
          />
        )}
      </Card>
      <div aria-live="polite">
        {!execute.isIdle ? (
          <ExecutionResult isPending={execute.isPending} error={execute.error} result={execute.data} />
        ) : (
          <p className="rounded-lg border border-dashed border-border p-6 text-sm text-fg-muted">
            The outcome appears here: the title the integration returns and its output data.
          </p>
        )}
      </div>
    </div>
  );
}
