"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Label } from "@/components/ui/select";
import { TextInput } from "@/components/ui/text-input";
import { useCreateModelMutation } from "@/lib/api/model-mutations";
import type { CreateModelRequestBody, WorkspaceFile } from "@/lib/contract";
import { ApiErrorAlert } from "@/components/records/api-error-alert";
import { DatasetField, isDatasetChoiceReady, useDatasetOfChoice, type DatasetChoice } from "../dataset-field";
import { formatInterval, syncIntervalOf } from "../format";
import { ScheduleField } from "../schedule-field";
import type { ChosenExtractor } from "./extractor-source";

type Source = ({ kind: "extractor" } & ChosenExtractor) | { kind: "csv"; file: WorkspaceFile };

/** The last step: the model's name, its dataset (an existing one, a new one, or none), then Create. */
export function NameStep({ source }: { source: Source }) {
  const router = useRouter();
  const [name, setName] = useState(() => defaultName(source));
  const [dataset, setDataset] = useState<DatasetChoice>({ value: "", newName: "" });
  const [scheduled, setScheduled] = useState(false);
  const { resolve: datasetOf, create: createDataset } = useDatasetOfChoice();
  const createModel = useCreateModelMutation();
  const pending = createDataset.isPending || createModel.isPending;
  const interval = source.kind === "extractor" ? syncIntervalOf(source.extractor) : null;

  const create = async () => {
    createDataset.reset();
    createModel.reset();
    try {
      const datasetUuid = (await datasetOf(dataset)) ?? undefined;
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
      <DatasetField choice={dataset} onChange={setDataset} />
      {source.kind === "extractor" && (
        <ScheduleField
          checked={scheduled}
          onChange={setScheduled}
          hint={`${interval ? `Synced again every ${formatInterval(interval)}` : "Synced again regularly"}; the first sync starts as soon as the model is created.`}
        />
      )}
      {createDataset.error && <ApiErrorAlert title="Could not create the dataset" error={createDataset.error} />}
      {createModel.error && <ApiErrorAlert title="Could not create the model" error={createModel.error} />}
      <Button disabled={!name.trim() || !isDatasetChoiceReady(dataset) || pending} onClick={create}>
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
