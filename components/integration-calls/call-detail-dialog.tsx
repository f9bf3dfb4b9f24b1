"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { integrationCallQueries, type IntegrationCallScope } from "@/lib/api/integration-call-queries";
import { isCutBody, type IntegrationCallSummary } from "@/lib/contract";
import { Dialog } from "@/components/ui/dialog";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDuration, formatTimestamp } from "@/components/runs/format";
import { BodyBlock } from "./body-block";
import { CallStatusBadge } from "./call-status-badge";
import { CopyCurl } from "./copy-curl";

/**
 * One call in full: where it went and what came back at once (from the list), then its headers
 * and both bodies pretty-printed, and "Copy as curl", fetched for this call alone.
 */
export function CallDetailDialog({ scope, call, onClose }: { scope: IntegrationCallScope; call: IntegrationCallSummary | null; onClose: () => void }) {
  return (
    <Dialog open={call !== null} onClose={onClose} width="3xl" title={call ? `${call.method} ${call.endpoint}` : "Call"} description="Secrets were redacted before the call was stored.">
      {call && (
        <div className="flex flex-col gap-5">
          <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-6 gap-y-2 text-sm">
            <Fact term="Status">
              <span className="flex flex-wrap items-center gap-2">
                <CallStatusBadge call={call} />
                {call.failure && <span className="break-words text-danger">{call.failure}</span>}
              </span>
            </Fact>
            <Fact term="Sent">
              <time dateTime={call.createdAt}>{formatTimestamp(call.createdAt)}</time>
              <span className="text-fg-muted"> · took {formatDuration(call.durationMs)}</span>
            </Fact>
            <Fact term="URL">
              <code className="font-mono text-xs break-all">{call.url}</code>
            </Fact>
            <Fact term="Request id">
              <code className="font-mono text-xs break-all">{call.requestId}</code>
            </Fact>
            <Fact term="Connector">
              {call.connectorUuid ? (
                <Link href={`/connectors/${call.connectorUuid}`} className="font-mono text-xs break-all hover:underline">
                  {call.connectorUuid}
                </Link>
              ) : (
                <span className="text-fg-muted">none (manifest, OAuth)</span>
              )}
            </Fact>
          </dl>
          <CallBodies scope={scope} callId={call.uuid} />
        </div>
      )}
    </Dialog>
  );
}

function CallBodies({ scope, callId }: { scope: IntegrationCallScope; callId: string }) {
  const detail = useQuery(integrationCallQueries.detail(scope, callId));
  if (detail.isPending) {
    return (
      <div className="flex flex-col gap-3" aria-busy="true" aria-label="Loading the call">
        <Skeleton className="h-20" />
        <Skeleton className="h-32" />
        <Skeleton className="h-32" />
      </div>
    );
  }
  if (detail.error) return <QueryError title="Could not load the call" error={detail.error} onRetry={() => detail.refetch()} retrying={detail.isFetching} />;
  const { call } = detail.data;
  return (
    <>
      <BodyBlock label="Request headers" text={Object.entries(call.requestHeaders).map(([name, value]) => `${name}: ${value}`).join("\n")} />
      <BodyBlock label="Request body" text={call.requestBody} note={sizeNote(call.requestBytes, call.requestBody)} />
      <BodyBlock label="Response body" text={call.responseBody} note={sizeNote(call.responseBytes, call.responseBody)} />
      <CopyCurl call={call} />
    </>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className="text-fg-muted">{term}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

/** "1.2 KB", and whether the stored text is only the first 64 KB of it. */
function sizeNote(bytes: number | null, text: string | null): string | undefined {
  if (bytes === null) return undefined;
  const size = bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(1)} KB`;
  return isCutBody(text) ? `${size}, first 64 KB shown` : size;
}
