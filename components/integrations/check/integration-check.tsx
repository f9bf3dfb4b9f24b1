"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PageState } from "@/components/ui/page-state";
import { Skeleton } from "@/components/ui/skeleton";
import { isNotFound } from "@/lib/api/api-fetch";
import { customIntegrationQueries } from "@/lib/api/custom-integration-queries";
import { useRunIntegrationCheckMutation } from "@/lib/api/integration-check-queries";
import { CheckReport } from "./check-report";
import { ManifestLint } from "./manifest-lint";
import { ProbeForm } from "./probe-form";

/**
 * The contract check page of a custom integration: the manifest's lint at once, then the
 * endpoints probed with a connector on demand; findings grouped by severity with path and fix.
 */
export function IntegrationCheck({ uuid }: { uuid: string }) {
  const customs = useQuery(customIntegrationQueries.list());
  const run = useRunIntegrationCheckMutation();
  const custom = customs.data?.customIntegrations.find((item) => item.uuid === uuid);
  if (!custom) {
    const missing = Boolean(customs.data) || isNotFound(customs.error);
    const error = customs.data ? new Error("No such custom integration") : customs.error;
    return (
      <PageState load={{ error, isFetching: customs.isFetching, refetch: customs.refetch }} thing="custom integration" missing={missing} back={{ href: "/integrations/custom", label: "Custom integrations" }} id={uuid}>
        <Skeleton className="h-10 w-72" />
        <Skeleton className="h-32" />
      </PageState>
    );
  }
  return (
    <>
      <PageHeader
        title={`Check ${custom.name}`}
        description={
          <>
            Finds contract bugs of the server at <code className="font-mono text-xs break-all">{custom.baseUrl}</code> before an operator&apos;s form or run meets them.
          </>
        }
        actions={<ButtonLink href="/integrations/custom">Custom integrations</ButtonLink>}
      />
      <div className="space-y-10">
        <section aria-labelledby="check-manifest" className="space-y-3">
          <h2 id="check-manifest" className="text-base font-semibold">
            Manifest
          </h2>
          <ManifestLint uuid={uuid} />
        </section>
        <section aria-labelledby="check-endpoints" className="space-y-3">
          <h2 id="check-endpoints" className="text-base font-semibold">
            Endpoints
          </h2>
          <p className="text-sm text-fg-muted">
            Calls authenticate, every autocomplete and dynamic schema, listUsers and each extractor&apos;s count and pages with a connector&apos;s config (at most 50 pages, 60 s).
          </p>
          <Card className="p-4">
            <ProbeForm custom={custom} running={run.isPending} onRun={(body) => run.mutate(body)} />
          </Card>
          {run.isPending && (
            <p role="status" className="text-sm text-fg-muted">
              Calling the server&apos;s endpoints…
            </p>
          )}
          {run.error && <Alert title="Could not run the checks">{run.error.message}</Alert>}
          {run.data && !run.isPending && (
            <div className="space-y-2 pt-2">
              <h3 className="text-sm font-semibold">Results</h3>
              <CheckReport report={run.data} label="Endpoint check" heading="h4" />
            </div>
          )}
        </section>
      </div>
    </>
  );
}
