"use client";

import Form from "@rjsf/core";
import { mergeObjects, type CustomValidator, type ErrorSchema, type FormValidation } from "@rjsf/utils";
import { useCallback, useMemo, useState, type ComponentType, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { decorateSchema, decorateUiSchema } from "./decorate-schema";
import { DynamicSchemaRegistry } from "./dynamic-schema-registry";
import type { ExpressionEditorProps } from "./expression-editor-props";
import { fieldPathNameGenerator } from "./field-path-name";
import { fields, templates, widgets } from "./registry";
import { SchemaFormContext, SchemaFormDataContext, type SchemaFormContextValue } from "./schema-form-context";
import { validateDynamicFields } from "./validate-dynamic-fields";
import { formValidator, transformErrors } from "./validator";

type FormData = Record<string, unknown>;

/** Props of {@link SchemaForm}. */
export interface SchemaFormProps {
  /** The config's JSON Schema, as the manifest sends it. Keep its identity stable between renders. */
  schema: Record<string, unknown>;
  /** The manifest's uiSchema (`ui:widget` names from `components/forms/registry.ts`). */
  uiSchema?: Record<string, unknown>;
  /** The values; a new object replaces what the form holds, and each edit is reported through onChange. */
  formData?: FormData;
  /** Every change, with the id of the field it came from; none when the form filled in defaults by itself. */
  onChange?(data: FormData, fieldId?: string): void;
  /** Called with the values once they pass validation (dynamic sub-forms included). */
  onSubmit?(data: FormData): void;
  /** The connector autocompletes and dynamic schemas are fetched through. */
  connectorUuid?: string;
  /** Set on connector config forms, for the OAuth widget's Connect button. */
  integrationSlug?: string;
  /** The submit button's text; "Execute" by default. */
  submitLabel?: string;
  disabled?: boolean;
  readOnly?: boolean;
  /** Rendered beside the submit button. */
  children?: ReactNode;
  /** The `<form>` id; it also prefixes the field ids, so two forms on one page need different ids. */
  id?: string;
  /** Edits only: no `<form>` and no submit button; `onChange` is the output (the workflow inspector). */
  noSubmit?: boolean;
  /** Gives every field a toggle to switch it to an expression (off by default). */
  expressionToggles?: boolean;
  /** The editor of fields in expression mode; a plain textarea unless given. */
  expressionEditor?: ComponentType<ExpressionEditorProps>;
  /** Errors from elsewhere (a workflow's validation), shown under their fields, nested ones included. */
  extraErrors?: ErrorSchema;
}

/**
 * A manifest config form: RJSF 6 with the app's templates and the data-bound widgets
 * (IntegrationAutocompleteWidget, DynamicSchemaWidget, ExpressionWidget, …). Validates on
 * submit only; each field shows its own errors, nested dynamic fields included.
 *
 * The schema is decorated once per `schema` object (useMemo): ajv caches compiled validators by
 * schema identity, so passing a new but equal object each render would recompile it every time.
 * @example <SchemaForm schema={action.config.jsonSchema} uiSchema={action.config.uiSchema} connectorUuid={uuid} onSubmit={run} />
 */
export function SchemaForm(props: SchemaFormProps) {
  const { schema, uiSchema, formData, onChange, onSubmit, connectorUuid, integrationSlug, submitLabel = "Execute", disabled, readOnly, children, id } = props;
  const { noSubmit, expressionToggles, expressionEditor, extraErrors } = props;
  const rootSchema = useMemo(() => decorateSchema(schema), [schema]);
  const decoratedUiSchema = useMemo(() => decorateUiSchema(uiSchema), [uiSchema]);
  const [dynamicSchemas] = useState(() => new DynamicSchemaRegistry());
  const [state, setState] = useState({ source: formData, data: formData ?? {} });
  // A new formData prop replaces the values (React re-renders right away, before committing).
  if (formData !== state.source) setState({ source: formData, data: formData ?? {} });
  const data = state.data;

  const context = useMemo<SchemaFormContextValue>(
    () => ({ connectorUuid, integrationSlug, rootSchema, basePath: [], dynamicSchemas, expressionToggles, expressionEditor }),
    [connectorUuid, integrationSlug, rootSchema, dynamicSchemas, expressionToggles, expressionEditor],
  );

  const customValidate = useCallback<CustomValidator>(
    (values, errors) => mergeObjects(errors, validateDynamicFields(values, dynamicSchemas.all()), true) as FormValidation,
    [dynamicSchemas],
  );

  return (
    <SchemaFormContext.Provider value={context}>
      <SchemaFormDataContext.Provider value={data}>
        <Form
          id={id}
          tagName={noSubmit ? "div" : undefined}
          extraErrors={extraErrors}
          idPrefix={id ? `${id}-root` : "root"}
          schema={rootSchema}
          uiSchema={decoratedUiSchema}
          formData={data}
          validator={formValidator}
          widgets={widgets}
          fields={fields}
          templates={templates}
          nameGenerator={fieldPathNameGenerator}
          noHtml5Validate
          showErrorList={false}
          focusOnFirstError
          customValidate={customValidate}
          transformErrors={transformErrors}
          disabled={disabled}
          readonly={readOnly}
          className="flex flex-col gap-5"
          onChange={(event, fieldId) => {
            const next = (event.formData ?? {}) as FormData;
            setState((current) => ({ ...current, data: next }));
            onChange?.(next, fieldId);
          }}
          onSubmit={(event) => onSubmit?.((event.formData ?? {}) as FormData)}
        >
          {noSubmit ? (
            <>{children}</>
          ) : (
            <div className="flex items-center gap-2 border-t border-border pt-4">
              <Button type="submit" disabled={disabled || readOnly}>
                {submitLabel}
              </Button>
              {children}
            </div>
          )}
        </Form>
      </SchemaFormDataContext.Provider>
    </SchemaFormContext.Provider>
  );
}
