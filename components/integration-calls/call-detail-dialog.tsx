"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { isCutBody, type IntegrationCall } from "@/lib/contract";
import { Dialog } from "@/components/ui/dialog";
import { formatDuration, formatTimestamp } from "@/components/runs/format";
import { BodyBlock } from "./body-block";
import { CallStatusBadge, failureOf } from "./call-status-badge";
import { CopyCurl } from "./copy-curl";

/** One call in full: where it went, what came back, both bodies pretty-printed, and "Copy as curl". */
export function CallDetailDialog({ call, onClose }: { call: IntegrationCall | null; onClose: () => void }) {
  return (
    <Dialog open={call !== null} onClose={onClose} width="3xl" title={call ? `${call.method} ${call.endpoint}` : "Call"} description="Secrets were redacted before the call was stored.">
      {call && (
        <div className="flex flex-col gap-5">
          <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-6 gap-y-2 text-sm">
            <Fact term="Status">
              <span className="flex flex-wrap items-center gap-2">
                <CallStatusBadge call={call} />
                {failureOf(call) && <span className="break-words text-danger">{failureOf(call)}</span>}
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
          <BodyBlock label="Request headers" text={Object.entries(call.requestHeaders).map(([name, value]) => `${name}: ${value}`).join("\n")} />
          <BodyBlock label="Request body" text={call.requestBody} note={sizeNote(call.requestBytes, call.requestBody)} />
          <BodyBlock label="Response body" text={call.responseBody} note={sizeNote(call.responseBytes, call.responseBody)} />
          <CopyCurl call={call} />
        </div>
      )}
    </Dialog>
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
