"use client";

import { useQuery } from "@tanstack/react-query";
import { isNotFound } from "@/lib/api/api-fetch";
import { connectorQueries } from "@/lib/api/connector-queries";
import { customIntegrationQueries } from "@/lib/api/custom-integration-queries";
import type { IntegrationCallScope } from "@/lib/api/integration-call-queries";
import { ButtonLink } from "@/components/ui/button-link";
import { PageHeader } from "@/components/ui/page-header";
import { PageState } from "@/components/ui/page-state";
import { Skeleton } from "@/components/ui/skeleton";
import { CallsInspector } from "./calls-inspector";

/** Whose calls, as the page names them, and the page it came from. */
function useSubject(scope: IntegrationCallScope) {
  const connector = useQuery({ ...connectorQueries.detail(scope.uuid), enabled: scope.kind === "connector" });
  const customs = useQuery({ ...customIntegrationQueries.list(), enabled: scope.kind === "customIntegration" });
  if (scope.kind === "connector") {
    const name = connector.data?.connector.name;
    return { load: connector, missing: isNotFound(connector.error), name, back: { href: `/connectors/${scope.uuid}`, label: "Back to the connector" }, thing: "connector" };
  }
  const custom = customs.data?.customIntegrations.find((item) => item.uuid === scope.uuid);
  const missing = Boolean(customs.data && !custom) || isNotFound(customs.error);
  const error = missing && !customs.error ? new Error("No such custom integration") : customs.error;
  return { load: { error, isFetching: customs.isFetching, refetch: customs.refetch }, missing, name: custom?.name, back: { href: "/integrations/custom", label: "Custom integrations" }, thing: "custom integration" };
}

/** The Calls page of a custom integration or a connector: its name, the way back, the inspector. */
export function CallsPage({ scope }: { scope: IntegrationCallScope }) {
  const subject = useSubject(scope);
  if (!subject.name) {
    return (
      <PageState load={subject.load} thing={subject.thing} missing={subject.missing} back={subject.back} id={scope.uuid}>
        <Skeleton className="h-10 w-72" />
        <Skeleton className="h-20" />
        <Skeleton className="h-64" />
      </PageState>
    );
  }
  const server = scope.kind === "connector" ? "made for this connector" : "made to this integration server";
  return (
    <>
      <PageHeader
        title={`Calls · ${subject.name}`}
        description={`The latest calls Relay ${server}, newest first. Secrets are redacted before a call is stored.`}
        actions={<ButtonLink href={subject.back.href}>{subject.back.label}</ButtonLink>}
      />
      <CallsInspector scope={scope} />
    </>
  );
}
