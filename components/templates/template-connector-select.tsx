"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { ButtonLink } from "@/components/ui/button-link";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { connectorQueries } from "@/lib/api/connector-queries";
import type { TemplateIntegration } from "@/lib/contract";

/**
 * "<Integration> connector": the workspace's connectors of one integration the template needs, the
 * first chosen to start with; with none, a link to create one (the template can be used after).
 */
export function TemplateConnectorSelect({
  need,
  value,
  onChange,
  error,
}: {
  need: TemplateIntegration;
  value: string;
  onChange: (uuid: string) => void;
  error?: string;
}) {
  const { data, error: loadError, isPending, refetch, isFetching } = useQuery(connectorQueries.list(need.integrationSlug));
  const connectors = data?.connectors;
  const first = connectors?.[0]?.uuid;
  useEffect(() => {
    if (!value && first) onChange(first);
  }, [value, first, onChange]);

  const id = `template-connector-${need.integrationSlug}`;
  const label = `${need.name} connector`;
  if (isPending) {
    return (
      <div aria-busy="true" aria-label={`Loading ${need.name} connectors`}>
        <Skeleton className="mb-1.5 h-4 w-40" />
        <Skeleton className="h-9 w-full" />
      </div>
    );
  }
  if (loadError) {
    return (
      <Field id={id} label={label} error={`Could not load the ${need.name} connectors: ${loadError.message}`}>
        {(props) => (
          <button {...props} type="button" onClick={() => refetch()} disabled={isFetching} className="text-sm font-medium text-accent hover:underline">
            Retry
          </button>
        )}
      </Field>
    );
  }
  if (!connectors?.length) {
    return (
      <div role="group" aria-label={label} className="rounded-md border border-dashed border-border p-3 text-sm">
        <p className="font-medium">{label}</p>
        <p className="mt-1 text-fg-muted">
          No {need.name} connector yet. The template needs one ({need.purpose.toLowerCase()}).
        </p>
        <ButtonLink href={`/connectors/new?integration=${encodeURIComponent(need.integrationSlug)}`} size="sm" className="mt-3">
          Set up {need.name}
        </ButtonLink>
        {error && (
          <p role="alert" className="mt-2 text-xs text-danger">
            {error}
          </p>
        )}
      </div>
    );
  }
  return (
    <Field id={id} label={label} hint={need.purpose} error={error}>
      {(props) => (
        <Select {...props} value={value} onChange={(event) => onChange(event.target.value)}>
          {connectors.map((connector) => (
            <option key={connector.uuid} value={connector.uuid}>
              {connector.name} ({connector.slug})
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}
