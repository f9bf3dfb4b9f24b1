"use client";

import type { ErrorSchema } from "@rjsf/utils";
import { SchemaForm } from "@/components/forms/schema-form";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import type { Model } from "@/lib/contract";
import type { ModelExtractor } from "../use-model-extractor";

type Config = Record<string, unknown>;

/**
 * A synced model's extractor config, in the form `/models/new` shows (the manifest's schema through
 * SchemaForm), inside the settings form. A changed config warns that the next sync starts over,
 * since the server then drops the sync cursor and cancels a sync under way.
 */
export function ExtractorConfigSection({
  model,
  source,
  config,
  changed,
  errors,
  onChange,
}: {
  model: Model;
  source: ModelExtractor;
  config: Config;
  changed: boolean;
  /** Validation findings of the last Save, under their fields. */
  errors?: ErrorSchema;
  onChange: (config: Config) => void;
}) {
  return (
    <fieldset className="min-w-0 space-y-3 border-t border-border pt-4">
      <legend className="float-left mb-1 w-full text-sm font-semibold">Extractor config</legend>
      {source.status === "pending" ? (
        <Skeleton className="h-24" />
      ) : source.status === "unavailable" ? (
        <p className="text-sm text-fg-muted">The config cannot be edited here. {source.reason}</p>
      ) : (
        <>
          <p className="clear-left text-sm text-fg-muted">{source.extractor.description}</p>
          <SchemaForm
            id="model-settings-config"
            schema={source.extractor.config.jsonSchema}
            uiSchema={source.extractor.config.uiSchema}
            formData={config}
            connectorUuid={model.extractor?.connectorUuid}
            noSubmit
            extraErrors={errors}
            // Defaults the form fills in by itself (no field behind the change) are no edit.
            onChange={(next, fieldId) => fieldId !== undefined && onChange(next)}
          />
        </>
      )}
      {changed && (
        <Alert tone="neutral" title="The next sync starts from scratch">
          With a new config, the next sync reads every record again instead of going on from where the last one stopped, and a sync under way is
          cancelled.
        </Alert>
      )}
    </fieldset>
  );
}
