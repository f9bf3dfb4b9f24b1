"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { RelativeTime } from "@/components/integrations/relative-time";
import { formatDuration } from "@/components/runs/format";
import { RunStatusBadge } from "@/components/runs/run-status-badge";
import { useNow } from "@/components/runs/use-now";
import { ApiErrorAlert } from "@/components/records/api-error-alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { useCancelSyncMutation } from "@/lib/api/model-mutations";
import { isSyncActive, modelKeys, modelQueries } from "@/lib/api/model-queries";
import { recordKeys } from "@/lib/api/segment-queries";
import type { Model, ModelSync } from "@/lib/contract";
import { formatCount } from "../format";

const SHOWN = 5;

/** The model's syncs, newest first: what each did and how long it took; polled while one runs. */
export function SyncList({ model }: { model: Model }) {
  const syncs = useQuery(modelQueries.syncs(model.uuid));
  const [showAll, setShowAll] = useState(false);
  useRefreshWhileSyncing(model, syncs.data?.syncs);
  const cancel = useCancelSyncMutation();
  const list = syncs.data?.syncs ?? [];
  const now = useNow(list.some((sync) => isSyncActive(sync.status)));
  const shown = showAll ? list : list.slice(0, SHOWN);

  return (
    <section aria-labelledby="syncs-heading">
      <h2 id="syncs-heading" className="mb-2 text-base font-semibold">
        Syncs
      </h2>
      {syncs.isPending ? (
        <Skeleton className="h-24" />
      ) : syncs.error ? (
        <QueryError title="Could not load syncs" error={syncs.error} onRetry={() => syncs.refetch()} retrying={syncs.isFetching} />
      ) : list.length === 0 ? (
        <Card className="p-4 text-sm text-fg-muted">No sync yet. &ldquo;Sync now&rdquo; reads every record from the extractor.</Card>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Syncs of {model.name}, newest first</caption>
            <thead className="border-b border-border text-left text-xs font-medium tracking-wide text-fg-muted uppercase">
              <tr>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Status
                </th>
                <th scope="col" className="px-4 py-2.5 font-medium">
                  Started
                </th>
                {["Pages", "Added", "Updated", "Removed", "Duration"].map((label) => (
                  <th key={label} scope="col" className="px-4 py-2.5 text-right font-medium">
                    {label}
                  </th>
                ))}
                <th scope="col" className="px-4 py-2.5">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {shown.map((sync) => (
                <SyncRow
                  key={sync.uuid}
                  sync={sync}
                  now={now}
                  cancelling={cancel.isPending && cancel.variables?.syncUuid === sync.uuid}
                  onCancel={() => cancel.mutate({ modelUuid: model.uuid, syncUuid: sync.uuid })}
                />
              ))}
            </tbody>
          </table>
          {list.length > SHOWN && (
            <div className="border-t border-border px-4 py-2">
              <Button variant="ghost" size="sm" onClick={() => setShowAll((all) => !all)}>
                {showAll ? "Show the latest only" : `Show all ${list.length} syncs`}
              </Button>
            </div>
          )}
        </Card>
      )}
      {cancel.error && (
        <div className="mt-2">
          <ApiErrorAlert title="Could not cancel the sync" error={cancel.error} />
        </div>
      )}
    </section>
  );
}

function SyncRow({ sync, now, cancelling, onCancel }: { sync: ModelSync; now: number; cancelling: boolean; onCancel: () => void }) {
  const active = isSyncActive(sync.status);
  const duration = sync.durationMs ?? (sync.startedAt ? (sync.finishedAt ? Date.parse(sync.finishedAt) : now) - Date.parse(sync.startedAt) : null);
  return (
    <tr className="align-top">
      <td className="px-4 py-3">
        <RunStatusBadge status={sync.status} />
        <p className="mt-1 text-xs text-fg-muted">
          {sync.trigger === "schedule" ? "Scheduled" : "Manual"}
          {sync.isResumed && " · resumed"}
        </p>
        {sync.errorMessage && <p className="mt-1 max-w-md text-xs break-words text-danger">{sync.errorMessage}</p>}
      </td>
      <td className="px-4 py-3 text-fg-muted">{sync.startedAt ? <RelativeTime iso={sync.startedAt} /> : "Waiting to start"}</td>
      <Count value={sync.pagesCount} />
      <Count value={sync.addedCount} />
      <Count value={sync.updatedCount} />
      <Count value={sync.removedCount} />
      <td className="px-4 py-3 text-right text-fg-muted tabular-nums">{duration === null ? "—" : formatDuration(Math.max(0, duration))}</td>
      <td className="px-4 py-2 text-right">
        {active && (
          <Button variant="ghost" size="sm" onClick={onCancel} disabled={cancelling}>
            {cancelling ? "Cancelling…" : "Cancel"}
          </Button>
        )}
      </td>
    </tr>
  );
}

function Count({ value }: { value: number }) {
  return <td className="px-4 py-3 text-right tabular-nums">{formatCount(value)}</td>;
}

/**
 * While a sync runs, the model's count follows it; once the newest sync has ended where the model
 * still shows it running (or shows an older one), the model, the lists and the records cached for
 * any filter are refreshed, so the header and the table show what the sync stored.
 */
function useRefreshWhileSyncing(model: Model, syncs: ModelSync[] | undefined) {
  const queryClient = useQueryClient();
  const newest = syncs?.[0];
  const shown = model.lastSync;
  useEffect(() => {
    if (!newest) return;
    const detail = modelQueries.detail(model.uuid).queryKey;
    if (isSyncActive(newest.status)) {
      void queryClient.invalidateQueries({ queryKey: detail });
    } else if (shown?.uuid !== newest.uuid || shown.status !== newest.status) {
      void queryClient.invalidateQueries({ queryKey: detail });
      void queryClient.invalidateQueries({ queryKey: modelKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: recordKeys.model(model.uuid) });
    }
  }, [queryClient, model.uuid, newest, shown?.uuid, shown?.status]);
}
