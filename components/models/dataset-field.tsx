"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Label, Select } from "@/components/ui/select";
import { TextInput } from "@/components/ui/text-input";
import { useCreateDatasetMutation } from "@/lib/api/model-mutations";
import { datasetQueries } from "@/lib/api/model-queries";

const NEW_DATASET = "new";

/** A model's dataset as the field holds it: `""` for none, a dataset's uuid, or a new one by name. */
export interface DatasetChoice {
  value: string;
  newName: string;
}

/** Whether the choice can be saved: a new dataset needs its name. */
export const isDatasetChoiceReady = (choice: DatasetChoice) => choice.value !== NEW_DATASET || choice.newName.trim() !== "";

/** The dataset select: none, one of the workspace's datasets, or "New dataset…" with its name beside it. */
export function DatasetField({ choice, onChange }: { choice: DatasetChoice; onChange: (choice: DatasetChoice) => void }) {
  const id = useId();
  const datasets = useQuery(datasetQueries.list());
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div>
        <Label htmlFor={`${id}-dataset`}>Dataset</Label>
        <Select id={`${id}-dataset`} value={choice.value} onChange={(event) => onChange({ ...choice, value: event.target.value })} disabled={datasets.isPending}>
          <option value="">No dataset</option>
          {datasets.data?.datasets.map((dataset) => (
            <option key={dataset.uuid} value={dataset.uuid}>
              {dataset.name}
            </option>
          ))}
          <option value={NEW_DATASET}>New dataset…</option>
        </Select>
        {datasets.error && <p className="mt-1 text-sm text-danger">Could not load datasets: {datasets.error.message}</p>}
      </div>
      {choice.value === NEW_DATASET && (
        <div>
          <Label htmlFor={`${id}-name`}>Dataset name</Label>
          <TextInput id={`${id}-name`} value={choice.newName} maxLength={120} onChange={(event) => onChange({ ...choice, newName: event.target.value })} />
        </div>
      )}
    </div>
  );
}

/** Turns a choice into the dataset's uuid (null for none), creating a new dataset first; its error is `create.error`. */
export function useDatasetOfChoice() {
  const create = useCreateDatasetMutation();
  const resolve = async (choice: DatasetChoice): Promise<string | null> =>
    choice.value === NEW_DATASET ? (await create.mutateAsync({ name: choice.newName.trim() })).dataset.uuid : choice.value || null;
  return { resolve, create };
}
