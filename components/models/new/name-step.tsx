"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Label, Select } from "@/components/ui/select";
import { TextInput } from "@/components/ui/text-input";
import { datasetQueries } from "@/lib/api/model-queries";
import { useCreateDatasetMutation, useCreateModelMutation } from "@/lib/api/model-mutations";
import type { CreateModelRequestBody, WorkspaceFile } from "@/lib/contract";
import { ApiErrorAlert } from "@/components/records/api-error-alert";
import type { ChosenExtractor } from "./extractor-source";

type Source = ({ kind: "extractor" } & ChosenExtractor) | { kind: "csv"; file: WorkspaceFile };

const NEW_DATASET = "new";

/** The last step: the model's name, its dataset (an existing one, a new one, or none), then Create. */
export function NameStep({ source }: { source: Source }) {
  const router = useRouter();
  const [name, setName] = useState(() => defaultName(source));
  const [dataset, setDataset] = useState("");
  const [datasetName, setDatasetName] = useState("");
  const [scheduled, setScheduled] = useState(false);
  const datasets = useQuery(datasetQueries.list());
  const createDataset = useCreateDatasetMutation();
  const createModel = useCreateModelMutation();
  const pending = createDataset.isPending || createModel.isPending;
  const interval = source.kind === "extractor" && source.extractor.mode.kind === "fetch" ? source.extractor.mode.minIntervalInSeconds : undefined;

  const create = async () => {
    createDataset.reset();
    createModel.reset();
    try {
      const datasetUuid =
        dataset === NEW_DATASET ? (await createDataset.mutateAsync({ name: datasetName.trim() })).dataset.uuid : dataset || undefined;
      const body: CreateModelRequestBody =
        source.kind === "extractor"
          ? { name: name.trim(), datasetUuid, extractor: source.source, isSyncScheduled: scheduled }
          : { name: name.trim(), datasetUuid, fileUuid: source.file.uuid };
      const { model } = await createModel.mutateAsync(body);
      router.push(`/models/${model.uuid}`);
    } catch {
      // Shown from the mutation's error below.
    }
  };

  return (
    <Card className="space-y-4 p-5">
      <h2 className="font-semibold">3. Name</h2>
      <div>
        <Label htmlFor="model-name">Name</Label>
        <TextInput id="model-name" value={name} maxLength={120} onChange={(event) => setName(event.target.value)} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <Label htmlFor="model-dataset">Dataset</Label>
          <Select id="model-dataset" value={dataset} onChange={(event) => setDataset(event.target.value)} disabled={datasets.isPending}>
            <option value="">No dataset</option>
            {datasets.data?.datasets.map((d) => (
              <option key={d.uuid} value={d.uuid}>
                {d.name}
              </option>
            ))}
            <option value={NEW_DATASET}>New dataset…</option>
          </Select>
          {datasets.error && <p className="mt-1 text-sm text-danger">Could not load datasets: {datasets.error.message}</p>}
        </div>
        {dataset === NEW_DATASET && (
          <div>
            <Label htmlFor="model-dataset-name">Dataset name</Label>
            <TextInput id="model-dataset-name" value={datasetName} maxLength={120} onChange={(event) => setDatasetName(event.target.value)} />
          </div>
        )}
      </div>
      {source.kind === "extractor" && (
        <div className="flex items-start gap-2">
          <input
            id="model-scheduled"
            type="checkbox"
            checked={scheduled}
            onChange={(event) => setScheduled(event.target.checked)}
            aria-describedby="model-scheduled-hint"
            className="mt-0.5 size-4 accent-accent"
          />
          <div>
            <label htmlFor="model-scheduled" className="text-sm font-medium">
              Sync on a schedule
            </label>
            <p id="model-scheduled-hint" className="text-sm text-fg-muted">
              {interval ? `Synced again every ${formatInterval(interval)}` : "Synced again regularly"}; the first sync starts as soon as the model is
              created.
            </p>
          </div>
        </div>
      )}
      {createDataset.error && <ApiErrorAlert title="Could not create the dataset" error={createDataset.error} />}
      {createModel.error && <ApiErrorAlert title="Could not create the model" error={createModel.error} />}
      <Button disabled={!name.trim() || (dataset === NEW_DATASET && !datasetName.trim()) || pending} onClick={create}>
        {pending ? "Creating…" : "Create model"}
      </Button>
    </Card>
  );
}

function defaultName(source: Source): string {
  if (source.kind === "csv") return source.file.name.replace(/\.csv$/i, "");
  const texts = Object.values(source.source.config).filter((value): value is string => typeof value === "string" && value.length > 0);
  const detail = texts[0];
  return detail ? `${source.extractor.name} (${detail})` : source.extractor.name;
}

function formatInterval(seconds: number): string {
  if (seconds < 60) return `${seconds} seconds`;
  if (seconds < 3600) return seconds === 60 ? "minute" : `${Math.round(seconds / 60)} minutes`;
  return seconds === 3600 ? "hour" : `${Math.round(seconds / 3600)} hours`;
}
