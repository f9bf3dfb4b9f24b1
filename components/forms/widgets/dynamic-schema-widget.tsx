"use client";

import { isRecord } from "@/lib/contract/is-record";
import { getUiOptions, type FieldProps, type FormContextType, type Registry, type RJSFSchema, type StrictRJSFSchema } from "@rjsf/utils";
import { useCallback } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { useDropRemovedFields } from "../hooks/use-drop-removed-fields";
import { useDynamicSubSchema } from "../hooks/use-dynamic-sub-schema";
import { useStablePath } from "../hooks/use-field-path";
import { blockedHint, useResolvedParams } from "../hooks/use-resolved-params";
import { hintClass } from "../input-class";
import { NestedSchemaForm } from "../nested-schema-form";
import { useSchemaFormContext } from "../schema-form-context";

/**
 * `DynamicSchemaWidget` (registered as a field: the value is an object, and RJSF gives object
 * fields no widget): fetches `/dynamicSchemas/:slug` with the resolved `ui:options.params` and
 * renders the answer as a nested sub-form whose value is this field's value. When the params
 * change it refetches, drops values the new schema lacks, and says which.
 */
export function DynamicSchemaWidget<T = unknown, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = FormContextType>(
  props: FieldProps<T, S, F>,
) {
  const { fieldPathId, formData, onChange, uiSchema, schema, errorSchema, registry, name, required, disabled, readonly } = props;
  const options = getUiOptions(uiSchema);
  const slug = typeof options.slug === "string" ? options.slug : "";
  const { basePath, connectorUuid } = useSchemaFormContext();
  const fieldPath = useStablePath([...basePath, ...fieldPathId.path]);
  const { params, blockedBy } = useResolvedParams(options.params, fieldPath);
  const blocked = blockedBy.length > 0;
  const sub = useDynamicSubSchema(slug, params, Boolean(slug) && !blocked, fieldPath);
  const setValue = useCallback((value: Record<string, unknown>) => onChange(value as T, fieldPathId.path), [onChange, fieldPathId]);
  const removed = useDropRemovedFields(sub.schema, formData, setValue);

  const headingId = `${fieldPathId.$id}__heading`;
  const title = options.title || schema.title || name;
  const subTitle = typeof sub.schema?.title === "string" && sub.schema.title !== title ? sub.schema.title : undefined;
  const description = options.description || schema.description;

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded-lg border border-border p-4">
      <div>
        <h3 className="text-sm font-medium text-fg">
          <span id={headingId}>{title}</span>
          {required && (
            <span aria-hidden className="ml-0.5 text-danger">
              *
            </span>
          )}
          {subTitle && <span className="ml-2 font-normal text-fg-muted">· {subTitle}</span>}
        </h3>
        {typeof description === "string" && description && <p className="mt-0.5 text-xs text-fg-muted">{description}</p>}
      </div>
      {blocked && <p className={hintClass}>{blockedHint(blockedBy)}</p>}
      {!blocked && !connectorUuid && <p className={hintClass}>No connector selected: these fields load from a connector.</p>}
      {sub.query.isLoading && <LoadingFields />}
      {sub.query.error && (
        <Alert
          title="Could not load these fields"
          action={
            <Button variant="secondary" size="sm" onClick={() => void sub.query.refetch()}>
              Retry
            </Button>
          }
        >
          {sub.query.error.message}
        </Alert>
      )}
      <p role="status" aria-live="polite" className={removed.length > 0 ? hintClass : "sr-only"}>
        {removed.length > 0 ? `Removed fields not in the new schema: ${removed.join(", ")}` : ""}
      </p>
      {sub.schema && sub.uiSchema && (
        <NestedSchemaForm
          schema={sub.schema}
          uiSchema={sub.uiSchema}
          value={isRecord(formData) ? formData : undefined}
          onChange={setValue}
          idPrefix={fieldPathId.$id}
          basePath={fieldPath}
          errorSchema={errorSchema}
          registry={registry as unknown as Registry}
          disabled={disabled}
          readonly={readonly}
        />
      )}
    </section>
  );
}

function LoadingFields() {
  return (
    <div className="flex flex-col gap-3">
      <p role="status" className="sr-only">
        Loading fields…
      </p>
      <Skeleton className="h-4 w-24" />
      <Skeleton className="h-9 w-full" />
      <Skeleton className="h-4 w-32" />
      <Skeleton className="h-9 w-full" />
    </div>
  );
}
