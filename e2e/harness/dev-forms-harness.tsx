"use client";

import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { connectorQueries } from "@/lib/api/connector-queries";
import { integrationQueries } from "@/lib/api/integration-queries";
import { SchemaForm } from "@/components/forms/schema-form";

const INTEGRATION = "demo_crm";
const ACTIONS = ["createRecord", "updateRecord"] as const;

/**
 * Test bench for the form widgets (`/dev/forms`): the demo integration's createRecord and
 * updateRecord forms against its first connector, echoing what a submit sends. A saved config
 * can be reopened through the URL: `/dev/forms?updateRecord={"objectType":"deals",…}`.
 */
export function DevFormsHarness() {
  const connectors = useQuery(connectorQueries.list(INTEGRATION));
  const integration = useQuery(integrationQueries.detail(INTEGRATION));
  const [submitted, setSubmitted] = useState<{ action: string; config: Record<string, unknown> }>();
  const search = useSearchParams().toString();
  // One object per URL: SchemaForm takes a new formData object as "replace the values".
  const saved = useMemo(() => {
    const params = new URLSearchParams(search);
    return Object.fromEntries(ACTIONS.map((slug) => [slug, parseConfig(params.get(slug))]));
  }, [search]);

  const error = connectors.error ?? integration.error;
  if (error) return <Alert title="Could not load the demo integration">{error.message}</Alert>;
  if (!connectors.data || !integration.data) return <Skeleton className="h-64 w-full" />;
  const connector = connectors.data.connectors[0];
  if (!connector) {
    return (
      <EmptyState title="No demo connector">
        Create a connector for the Demo CRM integration (API key <code>demo-api-key</code>) to try the forms.
      </EmptyState>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm text-fg-muted">
        Connector <span className="font-medium text-fg">{connector.name}</span>
      </p>
      {ACTIONS.map((slug) => {
        const action = integration.data.integration.actions[slug];
        if (!action) return null;
        return (
          <Card key={slug}>
            <section aria-labelledby={`${slug}-title`}>
              <CardHeader className="flex-col gap-1">
                <h2 id={`${slug}-title`} className="text-base font-semibold">
                  {action.name}
                </h2>
                <p className="text-sm text-fg-muted">{action.description}</p>
              </CardHeader>
              <CardContent>
                <SchemaForm
                  id={slug}
                  schema={action.config.jsonSchema}
                  uiSchema={action.config.uiSchema}
                  connectorUuid={connector.uuid}
                  formData={saved[slug]}
                  onSubmit={(config) => setSubmitted({ action: slug, config })}
                />
              </CardContent>
            </section>
          </Card>
        );
      })}
      <section aria-labelledby="submitted-title">
        <h2 id="submitted-title" className="mb-2 text-sm font-medium">
          Last submit
        </h2>
        <pre data-testid="submitted" className="min-h-12 overflow-auto rounded-lg border border-border bg-surface p-3 font-mono text-xs">
          {submitted ? JSON.stringify(submitted, null, 2) : ""}
        </pre>
      </section>
    </div>
  );
}

function parseConfig(text: string | null): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
