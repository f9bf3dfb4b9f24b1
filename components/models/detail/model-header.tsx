"use client";

import { RefreshCw, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { ApiErrorAlert } from "@/components/records/api-error-alert";
import { Button } from "@/components/ui/button";
import { isSyncActive } from "@/lib/api/model-queries";
import { useDeleteModelMutation, useSyncModelMutation, useUpdateModelMutation } from "@/lib/api/model-mutations";
import type { Model } from "@/lib/contract";
import { cn } from "@/lib/utils";
import { countOf } from "../format";
import { useModelSources } from "../use-model-sources";
import { ModelSettingsButton } from "./model-settings";

/** The model's name, record count and source, with Sync now, the schedule switch, Settings and Delete. */
export function ModelHeader({ model }: { model: Model }) {
  const router = useRouter();
  const source = useModelSources([model])(model);
  const sync = useSyncModelMutation();
  const update = useUpdateModelMutation();
  const remove = useDeleteModelMutation();
  const syncing = sync.isPending || (model.lastSync !== null && isSyncActive(model.lastSync.status));

  const confirmRemove = () => {
    if (!window.confirm(`Delete the model "${model.name}" with its ${countOf(model.recordsCount, "record")}, syncs and segments?`)) return;
    remove.mutate(model.uuid, { onSuccess: () => router.push("/models") });
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold tracking-tight">{model.name}</h1>
          <p className="mt-1 text-sm text-fg-muted">
            <span className="font-medium text-fg tabular-nums">{countOf(model.recordsCount, "record")}</span> · {source.label}
            {source.configSummary && ` (${source.configSummary})`}
            {source.connectorName && ` · via ${source.connectorName}`}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {model.extractor && (
            <>
              <ScheduleSwitch
                checked={model.isSyncScheduled}
                disabled={update.isPending}
                onChange={(isSyncScheduled) => update.mutate({ uuid: model.uuid, isSyncScheduled })}
              />
              <Button onClick={() => sync.mutate(model.uuid)} disabled={syncing}>
                <RefreshCw aria-hidden className={cn("size-4", syncing && "animate-spin")} />
                {syncing ? "Syncing…" : "Sync now"}
              </Button>
            </>
          )}
          <ModelSettingsButton model={model} />
          <Button variant="ghost" onClick={confirmRemove} disabled={remove.isPending} aria-label={`Delete ${model.name}`}>
            <Trash2 aria-hidden className="size-4" />
            Delete
          </Button>
        </div>
      </div>
      {sync.error && <ApiErrorAlert title="Could not start a sync" error={sync.error} />}
      {update.error && <ApiErrorAlert title="Could not change the schedule" error={update.error} />}
      {remove.error && <ApiErrorAlert title="Could not delete the model" error={remove.error} />}
    </div>
  );
}

function ScheduleSwitch({ checked, disabled, onChange }: { checked: boolean; disabled: boolean; onChange: (checked: boolean) => void }) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      disabled={disabled}
      onClick={() => onChange(!checked)}
      className="mr-2 inline-flex items-center gap-2 rounded-md text-sm font-medium disabled:opacity-50"
    >
      <span aria-hidden className={cn("relative h-5 w-9 rounded-full transition-colors", checked ? "bg-accent" : "bg-border")}>
        <span className={cn("absolute top-0.5 left-0.5 size-4 rounded-full bg-white shadow-xs transition-transform", checked && "translate-x-4")} />
      </span>
      Sync on schedule
    </button>
  );
}
