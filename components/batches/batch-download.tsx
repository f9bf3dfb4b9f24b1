"use client";

import { Download } from "lucide-react";
import { useId, useState } from "react";
import { Label, Select } from "@/components/ui/select";
import { batchDownloadPath } from "@/lib/api/batch-queries";
import type { Batch, WorkflowNode } from "@/lib/contract";

/** Download CSV, with the node whose output fills the columns (the run's output, its end node's, by default). */
export function BatchDownload({ batch, nodes }: { batch: Batch; nodes: readonly WorkflowNode[] | undefined }) {
  const id = useId();
  const [outputNodeSlug, setOutputNodeSlug] = useState("");
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="w-72 max-w-full">
        <Label htmlFor={id}>Columns from</Label>
        <Select id={id} value={outputNodeSlug} onChange={(event) => setOutputNodeSlug(event.target.value)} disabled={!nodes}>
          <option value="">The run&apos;s output (its end node)</option>
          {nodes?.map((node) => (
            <option key={node.uuid} value={node.slug}>
              {node.name ? `${node.name} (${node.slug})` : node.slug}&apos;s output
            </option>
          ))}
        </Select>
      </div>
      {/* A plain link: the browser downloads the CSV as the server streams it, with the session cookie. */}
      <a
        href={batchDownloadPath(batch.uuid, outputNodeSlug || undefined)}
        download
        className="inline-flex h-9 items-center gap-2 rounded-md border border-border bg-surface px-4 text-sm font-medium text-fg transition-colors hover:bg-surface-muted"
      >
        <Download aria-hidden className="size-4" />
        Download CSV
      </a>
    </div>
  );
}
