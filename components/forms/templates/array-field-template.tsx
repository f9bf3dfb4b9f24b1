"use client";

import { descriptionId, getUiOptions, titleId, type ArrayFieldTemplateProps, type FormContextType, type RJSFSchema, type StrictRJSFSchema } from "@rjsf/utils";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";

/** A list field: its title, its items (each in an ArrayFieldItemTemplate box) and an "Add item" button. */
export function ArrayFieldTemplate<T = unknown, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = FormContextType>(
  props: ArrayFieldTemplateProps<T, S, F>,
) {
  const { title, schema, uiSchema, registry, fieldPathId, required, items, canAdd, onAddClick, disabled, readonly, optionalDataControl } = props;
  const options = getUiOptions(uiSchema);
  const { TitleFieldTemplate, DescriptionFieldTemplate } = registry.templates;
  const heading = options.title || title;
  const description = options.description || schema.description;
  return (
    <fieldset id={fieldPathId.$id} className="flex flex-col gap-3">
      {heading && <TitleFieldTemplate id={titleId(fieldPathId)} title={heading} required={required} schema={schema} uiSchema={uiSchema} registry={registry} />}
      {typeof description === "string" && description && (
        <DescriptionFieldTemplate id={descriptionId(fieldPathId)} description={description} schema={schema} uiSchema={uiSchema} registry={registry} />
      )}
      {optionalDataControl}
      {items.length > 0 && <div className="flex flex-col gap-3">{items}</div>}
      {canAdd && (
        <div>
          <Button variant="secondary" size="sm" onClick={onAddClick} disabled={disabled || readonly}>
            <Plus aria-hidden className="size-4" />
            Add item
          </Button>
        </div>
      )}
    </fieldset>
  );
}
