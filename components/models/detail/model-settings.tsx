"use client";

import type { ErrorSchema } from "@rjsf/utils";
import { Settings } from "lucide-react";
import { useMemo, useState, type FormEvent } from "react";
import { decorateSchema } from "@/components/forms/decorate-schema";
import { formValidator, transformErrors } from "@/components/forms/validator";
import { ApiErrorAlert } from "@/components/records/api-error-alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { TextInput } from "@/components/ui/text-input";
import { useUpdateModelMutation } from "@/lib/api/model-mutations";
import { stableStringify, type Model, type UpdateModelRequestBody } from "@/lib/contract";
import { cn } from "@/lib/utils";
import { DatasetField, isDatasetChoiceReady, useDatasetOfChoice, type DatasetChoice } from "../dataset-field";
import { formatInterval, syncIntervalOf } from "../format";
import { ScheduleField } from "../schedule-field";
import { useModelExtractor } from "../use-model-extractor";
import { ExtractorConfigSection } from "./extractor-config-section";

/** "Settings" in the model's header: a dialog to rename it, move it to another dataset, and (synced models) set its schedule and extractor config. */
export function ModelSettingsButton({ model }: { model: Model }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} aria-haspopup="dialog">
        <Settings aria-hidden className="size-4" />
        Settings
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Model settings"
        description={model.extractor ? "Its name, dataset, sync schedule and extractor config." : "Its name and dataset."}
        width="xl"
      >
        <ModelSettingsForm model={model} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function ModelSettingsForm({ model, onDone }: { model: Model; onDone: () => void }) {
  const [name, setName] = useState(model.name);
  const [nameError, setNameError] = useState<string>();
  const [dataset, setDataset] = useState<DatasetChoice>({ value: model.datasetUuid ?? "", newName: "" });
  const [scheduled, setScheduled] = useState(model.isSyncScheduled);
  const [config, setConfig] = useState(model.extractor?.config ?? {});
  const [configErrors, setConfigErrors] = useState<ErrorSchema>();
  const source = useModelExtractor(model);
  const jsonSchema = source.status === "ready" ? source.extractor.config.jsonSchema : null;
  // Decorated as SchemaForm decorates it, to validate the config on Save (the form itself does not, without its own submit).
  const schema = useMemo(() => jsonSchema && decorateSchema(jsonSchema), [jsonSchema]);
  const { resolve: datasetOf, create: createDataset } = useDatasetOfChoice();
  const update = useUpdateModelMutation();
  const pending = createDataset.isPending || update.isPending;
  const configChanged = model.extractor !== null && stableStringify(config) !== stableStringify(model.extractor.config);
  const interval = source.status === "ready" ? syncIntervalOf(source.extractor) : null;

  const editConfig = (next: Record<string, unknown>) => {
    setConfig(next);
    setConfigErrors(undefined);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    createDataset.reset();
    update.reset();
    setNameError(name.trim() ? undefined : "Give the model a name.");
    const invalid = configChanged && schema ? formValidator.validateFormData(config, schema, undefined, transformErrors) : null;
    setConfigErrors(invalid?.errors.length ? invalid.errorSchema : undefined);
    if (!name.trim() || invalid?.errors.length) return;
    try {
      const datasetUuid = await datasetOf(dataset);
      // A dataset made here is chosen from now on: saving again after a refusal must not make a second one.
      setDataset({ value: datasetUuid ?? "", newName: "" });
      const body: UpdateModelRequestBody = {
        ...(name.trim() !== model.name && { name: name.trim() }),
        ...(datasetUuid !== model.datasetUuid && { datasetUuid }),
        ...(model.extractor && scheduled !== model.isSyncScheduled && { isSyncScheduled: scheduled }),
        ...(configChanged && { extractorConfig: config }),
      };
      if (Object.keys(body).length > 0) await update.mutateAsync({ uuid: model.uuid, ...body });
      onDone();
    } catch {
      // Shown from the mutations' errors below.
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Model settings" className="flex flex-col gap-4">
      <Field id="model-settings-name" label="Name" error={nameError}>
        {(props) => (
          <TextInput {...props} data-autofocus value={name} maxLength={120} onChange={(event) => setName(event.target.value)} className={cn(nameError && "border-danger")} />
        )}
      </Field>
      <DatasetField choice={dataset} onChange={setDataset} />
      {model.extractor && (
        <>
          <ScheduleField
            checked={scheduled}
            onChange={setScheduled}
            hint={interval ? `Synced every ${formatInterval(interval)}: the extractor sets how often.` : "Synced as often as the extractor allows."}
          />
          <ExtractorConfigSection model={model} source={source} config={config} changed={configChanged} errors={configErrors} onChange={editConfig} />
        </>
      )}
      {createDataset.error && <ApiErrorAlert title="Could not create the dataset" error={createDataset.error} />}
      {update.error && <ApiErrorAlert title="Could not save the settings" error={update.error} />}
      <DialogActions>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending || !isDatasetChoiceReady(dataset)}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </DialogActions>
    </form>
  );
}
