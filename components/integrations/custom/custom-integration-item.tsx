"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";
import type { CustomIntegration } from "@/lib/contract";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { useRefreshCustomIntegrationMutation } from "@/lib/api/custom-integration-queries";
import { RelativeTime } from "../relative-time";
import { ChangeUrlForm } from "./change-url-form";
import { DeleteIntegrationDialog } from "./delete-integration-dialog";
import { MutationError } from "./mutation-error";

/** One registered server: where it is, whether its manifest is healthy, and what can be done to it. */
export function CustomIntegrationItem({ integration }: { integration: CustomIntegration }) {
  const headingId = `custom-${integration.uuid}`;
  const [changingUrl, setChangingUrl] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const refresh = useRefreshCustomIntegrationMutation();

  return (
    <li>
      <article aria-labelledby={headingId} className="p-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0 flex-1 basis-64">
            <h3 id={headingId} className="font-semibold break-words">
              <Link href={`/integrations/${encodeURIComponent(integration.slug)}`} className="hover:underline">
                {integration.name}
              </Link>
            </h3>
            <p className="mt-0.5 font-mono text-xs break-all text-fg-muted">{integration.baseUrl}</p>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" size="sm" onClick={() => refresh.mutate(integration.uuid)} disabled={refresh.isPending}>
              {refresh.isPending ? "Refreshing…" : "Refresh"}
            </Button>
            <Button variant="secondary" size="sm" onClick={() => setChangingUrl(true)} disabled={changingUrl}>
              Change URL
            </Button>
            <ButtonLink size="sm" href={`/integrations/custom/${integration.uuid}/calls`} aria-label={`Calls to ${integration.name}`}>
              Calls
            </ButtonLink>
            <ButtonLink size="sm" href={`/integrations/custom/${integration.uuid}/check`} aria-label={`Check ${integration.name}`}>
              Check
            </ButtonLink>
            <Button variant="ghost" size="sm" className="text-danger hover:text-danger" onClick={() => setDeleting(true)}>
              Delete
            </Button>
          </div>
        </div>
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
          <Row term="Slug">
            <code className="font-mono text-xs break-all">{integration.slug}</code>
          </Row>
          <Row term="Layout">{integration.layout ?? "unknown"}</Row>
          <Row term="State">
            {integration.manifestError ? (
              <span className="break-words text-danger">Manifest failing: {integration.manifestError}</span>
            ) : (
              <Badge tone="success">Manifest valid</Badge>
            )}
          </Row>
          <Row term="Last fetched">
            {integration.manifestFetchedAt ? <RelativeTime iso={integration.manifestFetchedAt} /> : <span className="text-fg-muted">never</span>}
          </Row>
        </dl>
        {refresh.isSuccess && (
          <p role="status" className="mt-3 text-sm text-success">
            Manifest refreshed: it is valid.
          </p>
        )}
        {refresh.error && (
          <div className="mt-3">
            <MutationError error={refresh.error} title="Could not refresh the manifest" heading="h4" />
          </div>
        )}
        {changingUrl && <ChangeUrlForm integration={integration} onDone={() => setChangingUrl(false)} />}
        {deleting && <DeleteIntegrationDialog integration={integration} onClose={() => setDeleting(false)} />}
      </article>
    </li>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className="text-fg-muted">{term}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}
