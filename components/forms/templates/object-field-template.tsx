"use client";

import {
  buttonId,
  canExpand,
  descriptionId,
  titleId,
  type FormContextType,
  type ObjectFieldTemplateProps,
  type RJSFSchema,
  type StrictRJSFSchema,
} from "@rjsf/utils";

/**
 * An object's properties, one under another. The root (of a form or of a dynamic sub-form) and an
 * array item, which its item box already frames, render without a titled frame of their own.
 */
export function ObjectFieldTemplate<T = unknown, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = FormContextType>(
  props: ObjectFieldTemplateProps<T, S, F>,
) {
  const { title, description, properties, fieldPathId, required, schema, uiSchema, registry, formData, onAddProperty, disabled, readonly, optionalDataControl } = props;
  const { TitleFieldTemplate, DescriptionFieldTemplate } = registry.templates;
  const { AddButton } = registry.templates.ButtonTemplates;
  const last = fieldPathId.path.at(-1);
  const framed = fieldPathId.path.length > 0 && typeof last !== "number";
  const body = (
    <div className="flex flex-col gap-5">
      {properties.map((property) => property.content)}
      {canExpand(schema, uiSchema, formData) && (
        <AddButton id={buttonId(fieldPathId, "add")} onClick={onAddProperty} disabled={disabled || readonly} uiSchema={uiSchema} registry={registry} />
      )}
    </div>
  );
  if (!framed) {
    return (
      <div id={fieldPathId.$id}>
        {optionalDataControl}
        {body}
      </div>
    );
  }
  return (
    <fieldset id={fieldPathId.$id} className="rounded-lg border border-border p-4 pt-2 [&>legend]:px-1">
      {title && <TitleFieldTemplate id={titleId(fieldPathId)} title={title} required={required} schema={schema} uiSchema={uiSchema} registry={registry} />}
      {description && (
        <div className="mb-3">
          <DescriptionFieldTemplate id={descriptionId(fieldPathId)} description={description} schema={schema} uiSchema={uiSchema} registry={registry} />
        </div>
      )}
      {optionalDataControl}
      {body}
    </fieldset>
  );
}
