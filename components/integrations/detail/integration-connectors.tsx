"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ConnectorTest } from "@/lib/contract";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { SecretsLockBadge } from "@/components/connectors/secrets-lock-notice";
import { connectorQueries } from "@/lib/api/connector-queries";
import { RelativeTime } from "../relative-time";
import { NoneDeclared } from "./detail-section";

/** The connectors set up for this integration, with how their last credentials test went. */
export function IntegrationConnectors({ slug, name }: { slug: string; name: string }) {
  const { data, error, isPending } = useQuery(connectorQueries.list(slug));
  if (isPending) return <Skeleton className="h-16" />;
  if (error) return <Alert title="Could not load connectors">{error.message}</Alert>;
  if (data.connectors.length === 0) return <NoneDeclared>No connectors yet. Add one to use this integration in workflows.</NoneDeclared>;
  return (
    <Card>
      <ul aria-label={`${name} connectors`} className="divide-y divide-border">
        {data.connectors.map((connector) => (
          <li key={connector.uuid} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-3">
            <div className="min-w-0">
              <Link href={`/connectors/${connector.uuid}`} className="font-medium break-words hover:underline">
                {connector.name}
              </Link>
              <code className="ml-2 font-mono text-xs break-all text-fg-muted">{connector.slug}</code>{" "}
              <SecretsLockBadge connector={connector} />
            </div>
            <LastTest test={connector.lastTest} />
          </li>
        ))}
      </ul>
    </Card>
  );
}

function LastTest({ test }: { test: ConnectorTest | null }) {
  if (!test) return <span className="text-sm text-fg-muted">Never tested</span>;
  return (
    <span className="flex min-w-0 flex-wrap items-center gap-2 text-sm text-fg-muted">
      {test.outcome === "success" ? <Badge tone="success">Test passed</Badge> : <Badge tone="danger">Test failed</Badge>}
      <RelativeTime iso={test.testedAt} />
      {test.errorMessage && <span className="break-words text-danger">{test.errorMessage}</span>}
    </span>
  );
}
