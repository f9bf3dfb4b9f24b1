"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { IntegrationIcon } from "@/components/integrations/integration-icon";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button-link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useDeleteConnectorMutation, useRetestConnectorMutation } from "@/lib/api/connector-mutations";
import { connectorQueries } from "@/lib/api/connector-queries";
import { integrationQueries } from "@/lib/api/integration-queries";
import type { Connector } from "@/lib/contract";
import { NoConnectors } from "./no-connectors";
import { movedToHost } from "./secrets-lock";
import { SecretsLockBadge } from "./secrets-lock-notice";

/**
 * Every connector with its integration, slug and last test; re-test and delete in place. A
 * connector whose integration moved says so and links to where its secrets are entered again.
 */
export function ConnectorList() {
  const connectors = useQuery(connectorQueries.list());
  const integrations = useQuery(integrationQueries.list());
  if (connectors.isPending) return <Skeleton className="h-32" />;
  if (connectors.error) return <Alert title="Could not load connectors">{connectors.error.message}</Alert>;
  if (connectors.data.connectors.length === 0) {
    return (
      <NoConnectors>
        A connector holds the credentials for one account of an integration. For the demo integration use the API key{" "}
        <code>demo-api-key</code>.
      </NoConnectors>
    );
  }
  const bySlug = new Map(integrations.data?.integrations.map((i) => [i.slug, i]));
  return (
    <ul aria-label="Connectors" className="divide-y divide-border rounded-lg border border-border bg-surface">
      {connectors.data.connectors.map((connector) => (
        <ConnectorRow key={connector.uuid} connector={connector} integration={bySlug.get(connector.integrationSlug)} />
      ))}
    </ul>
  );
}

function ConnectorRow({ connector, integration }: { connector: Connector; integration?: { name: string; icon: string; color: string } }) {
  const retest = useRetestConnectorMutation();
  const remove = useDeleteConnectorMutation();
  const confirmDelete = () => {
    if (window.confirm(`Delete the connector "${connector.name}"? Workflows that use it will stop working.`)) remove.mutate(connector.uuid);
  };
  const test = connector.lastTest;
  return (
    <li aria-label={connector.name} className="flex flex-wrap items-center gap-4 p-4">
      <IntegrationIcon icon={integration?.icon ?? ""} color={integration?.color ?? ""} name={integration?.name ?? connector.integrationSlug} />
      <div className="min-w-0 flex-1">
        <Link href={`/connectors/${connector.uuid}`} className="font-medium hover:underline">
          {connector.name}
        </Link>
        <p className="text-sm text-fg-muted">
          {integration?.name ?? connector.integrationSlug} · <code className="font-mono text-xs">{connector.slug}</code>
        </p>
      </div>
      <div className="text-sm">
        {connector.secretsLock && (
          <p className="mb-1">
            <SecretsLockBadge connector={connector} />{" "}
            <span className="text-danger">Re-enter the secrets: the integration moved to {movedToHost(connector.secretsLock)}</span>
          </p>
        )}
        {test ? (
          <span title={test.testedAt}>
            <Badge tone={test.outcome === "success" ? "success" : "danger"}>{test.outcome === "success" ? "Connected" : "Failing"}</Badge>{" "}
            <span className="text-fg-muted">tested {new Date(test.testedAt).toLocaleString()}</span>
          </span>
        ) : (
          <Badge>Not tested</Badge>
        )}
        {(retest.data?.errorMessage || retest.error) && (
          <p role="alert" className="mt-1 text-danger">
            {retest.data?.errorMessage ?? retest.error?.message}
          </p>
        )}
      </div>
      <div className="flex gap-2">
        {connector.secretsLock && (
          <ButtonLink href={`/connectors/${connector.uuid}`} variant="primary" size="sm">
            Re-enter secrets
          </ButtonLink>
        )}
        <ButtonLink href={`/playground?connector=${connector.uuid}`} size="sm">
          Try an action
        </ButtonLink>
        <Button variant="secondary" size="sm" onClick={() => retest.mutate(connector.uuid)} disabled={retest.isPending}>
          {retest.isPending ? "Testing…" : "Re-test"}
        </Button>
        <Button variant="ghost" size="sm" onClick={confirmDelete} disabled={remove.isPending} aria-label={`Delete ${connector.name}`}>
          Delete
        </Button>
      </div>
    </li>
  );
}
