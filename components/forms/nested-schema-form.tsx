"use client";

import Form from "@rjsf/core";
import type { ErrorSchema, Registry, RJSFSchema, UiSchema } from "@rjsf/utils";
import { useMemo } from "react";
import type { FieldPath } from "@/lib/params";
import { fieldPathNameGenerator } from "./field-path-name";
import { SchemaFormContext, useSchemaFormContext } from "./schema-form-context";
import { formValidator } from "./validator";

interface NestedSchemaFormProps {
  schema: RJSFSchema;
  uiSchema: UiSchema;
  value: Record<string, unknown> | undefined;
  onChange(value: Record<string, unknown>): void;
  /** The dynamic field's id: nested ids continue it (`root_fields_email`), so the outer form's focus-on-error finds them. */
  idPrefix: string;
  /** The dynamic field's absolute path in the outermost form; keep its identity stable (useStablePath). */
  basePath: FieldPath;
  /** The outer form's errors for this field's children, shown on the nested fields. */
  errorSchema?: ErrorSchema;
  /** The outer form's registry, so nested fields use the same widgets and templates. */
  registry: Registry;
  disabled?: boolean;
  readonly?: boolean;
}

/**
 * A dynamic field's sub-form: fields only (no `<form>`, no submit, no validation of its own; the
 * outermost form validates it on submit). Widgets inside resolve `$root` against the outermost
 * form's data, and their paths start at `basePath`.
 */
export function NestedSchemaForm({ schema, uiSchema, value, onChange, idPrefix, basePath, errorSchema, registry, disabled, readonly }: NestedSchemaFormProps) {
  const outer = useSchemaFormContext();
  const context = useMemo(() => ({ ...outer, basePath }), [outer, basePath]);
  return (
    <SchemaFormContext.Provider value={context}>
      <Form
        tagName="div"
        schema={schema}
        uiSchema={uiSchema}
        formData={value ?? {}}
        validator={formValidator}
        widgets={registry.widgets}
        fields={registry.fields}
        templates={registry.templates}
        idPrefix={idPrefix}
        nameGenerator={fieldPathNameGenerator}
        noValidate
        noHtml5Validate
        showErrorList={false}
        extraErrors={errorSchema}
        disabled={disabled}
        readonly={readonly}
        onChange={(event) => onChange((event.formData ?? {}) as Record<string, unknown>)}
      >
        <></>
      </Form>
    </SchemaFormContext.Provider>
  );
}
