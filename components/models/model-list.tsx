"use client";

import { useQuery } from "@tanstack/react-query";
import { Database } from "lucide-react";
import Link from "next/link";
import { useId } from "react";
import { RelativeTime } from "@/components/integrations/relative-time";
import { RunStatusBadge } from "@/components/runs/run-status-badge";
import { ButtonLink } from "@/components/ui/button-link";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryError } from "@/components/ui/query-error";
import { Skeleton } from "@/components/ui/skeleton";
import { datasetQueries, modelQueries } from "@/lib/api/model-queries";
import type { Dataset, Model } from "@/lib/contract";
import { formatCount } from "./format";
import { useModelSources, type ModelSource } from "./use-model-sources";

/** Every model, grouped by dataset (models outside any dataset last), with its source and last sync. */
export function ModelList() {
  const models = useQuery(modelQueries.list());
  const datasets = useQuery(datasetQueries.list());
  const sourceOf = useModelSources(models.data?.models ?? []);

  if (models.isPending) return <ModelListSkeleton />;
  if (models.error) return <QueryError title="Could not load models" error={models.error} onRetry={() => models.refetch()} retrying={models.isFetching} />;
  if (models.data.models.length === 0) return <NoModels />;
  return (
    <div className="flex flex-col gap-8">
      {groupByDataset(models.data.models, datasets.data?.datasets ?? []).map((group) => (
        <ModelGroup key={group.key} name={group.name} models={group.models} sourceOf={sourceOf} />
      ))}
    </div>
  );
}

interface Group {
  key: string;
  name: string;
  models: Model[];
}

function groupByDataset(models: Model[], datasets: Dataset[]): Group[] {
  const names = new Map(datasets.map((dataset) => [dataset.uuid, dataset.name]));
  const groups = new Map<string, Group>();
  for (const model of models) {
    const key = model.datasetUuid ?? "";
    const group = groups.get(key) ?? { key, name: model.datasetUuid ? (names.get(model.datasetUuid) ?? "Dataset") : "No dataset", models: [] };
    group.models.push(model);
    groups.set(key, group);
  }
  // Datasets by name, then the models outside any dataset.
  return [...groups.values()].sort((a, b) => (a.key === "" ? 1 : b.key === "" ? -1 : a.name.localeCompare(b.name)));
}

const MODEL_COLUMNS = [{ label: "Model", className: "w-[30%]" }, { label: "Source", className: "w-[30%]" }, { label: "Records", className: "w-[12%] text-right" }, "Last sync"];

function ModelGroup({ name, models, sourceOf }: { name: string; models: Model[]; sourceOf: (model: Model) => ModelSource }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="mb-2 text-sm font-semibold text-fg-muted">
        {name}
      </h2>
      {/* Fixed widths, so the tables of every dataset line up. */}
      <DataTable caption={<>Models of {name}</>} columns={MODEL_COLUMNS} tableClassName="min-w-[40rem] table-fixed">
        {models.map((model) => (
          <ModelRow key={model.uuid} model={model} source={sourceOf(model)} />
        ))}
      </DataTable>
    </section>
  );
}

function ModelRow({ model, source }: { model: Model; source: ModelSource }) {
  const sync = model.lastSync;
  return (
    <tr className="group relative hover:bg-surface-muted/60">
      <td className="truncate px-4 py-3">
        {/* The link's box covers the row, so the whole row opens the model. */}
        <Link href={`/models/${model.uuid}`} className="font-medium after:absolute after:inset-0 group-hover:underline">
          {model.name}
        </Link>
      </td>
      <td className="px-4 py-3">
        <p>{source.label}</p>
        {(source.configSummary || source.connectorName) && (
          <p className="text-xs text-fg-muted">{[source.configSummary, source.connectorName && `via ${source.connectorName}`].filter(Boolean).join(" · ")}</p>
        )}
      </td>
      <td className="px-4 py-3 text-right tabular-nums">{formatCount(model.recordsCount)}</td>
      <td className="px-4 py-3">
        {sync ? (
          <span className="flex flex-wrap items-center gap-2">
            <RunStatusBadge status={sync.status} />
            <span className="text-fg-muted">
              <RelativeTime iso={sync.finishedAt ?? sync.startedAt ?? sync.createdAt} />
            </span>
          </span>
        ) : (
          <span className="text-fg-muted">{model.extractor ? "Never synced" : "Uploaded"}</span>
        )}
        {sync?.status === "error" && sync.errorMessage && (
          <p className="mt-1 max-w-xs truncate text-xs text-danger" title={sync.errorMessage}>
            {sync.errorMessage}
          </p>
        )}
      </td>
    </tr>
  );
}

function NoModels() {
  return (
    <EmptyState
      icon={<Database className="size-5" />}
      title="No models yet"
      action={
        <ButtonLink href="/models/new" variant="primary">
          New model
        </ButtonLink>
      }
    >
      A model holds records: synced from a connector&apos;s extractor, or uploaded from a CSV file. Browse them, filter them and save segments for
      your workflows.
    </EmptyState>
  );
}

function ModelListSkeleton() {
  return (
    <div className="flex flex-col gap-px overflow-hidden rounded-lg border border-border bg-surface" aria-busy="true" aria-label="Loading models">
      {Array.from({ length: 4 }, (_, index) => (
        <div key={index} className="flex items-center gap-6 px-4 py-4">
          <Skeleton className="h-4 w-48" />
          <Skeleton className="h-4 w-40" />
          <Skeleton className="ml-auto h-4 w-16" />
          <Skeleton className="h-5 w-24 rounded-full" />
        </div>
      ))}
    </div>
  );
}
