"use client";

import type { RJSFSchema } from "@rjsf/utils";
import { createContext, useContext, type ComponentType } from "react";
import type { FieldPath } from "@/lib/params";
import { DynamicSchemaRegistry } from "./dynamic-schema-registry";
import type { ExpressionEditorProps } from "./expression-editor-props";

/**
 * What every widget of a form (nested dynamic sub-forms included) knows about the outermost form.
 * It stays the same while the user types: every field template reads it, so a value that changed
 * per keystroke would re-render every field. The data lives in {@link SchemaFormDataContext}.
 */
export interface SchemaFormContextValue {
  /** The connector whose autocompletes and dynamic schemas the widgets call. */
  connectorUuid?: string;
  /** The integration a connector config form belongs to: the OAuth widget completes through it. */
  integrationSlug?: string;
  /** The outermost form's (decorated) schema, for naming fields in hints. */
  rootSchema: RJSFSchema;
  /** Where this (sub-)form sits in the outermost form; [] for the outermost one. */
  basePath: FieldPath;
  /** Sub-schemas fetched by dynamic fields, validated by the outermost form on submit. */
  dynamicSchemas: DynamicSchemaRegistry;
  /** Whether every field has a toggle to switch it to an expression (off unless SchemaForm turns it on). */
  expressionToggles?: boolean;
  /** The editor of fields in expression mode (and of expression fields while toggles are on). */
  expressionEditor?: ComponentType<ExpressionEditorProps>;
}

const fallback: SchemaFormContextValue = {
  rootSchema: {},
  basePath: [],
  dynamicSchemas: new DynamicSchemaRegistry(),
};

/** Provided by SchemaForm, and re-provided with a deeper `basePath` by each nested dynamic form. */
export const SchemaFormContext = createContext<SchemaFormContextValue>(fallback);

/** The enclosing SchemaForm's context. */
export function useSchemaFormContext(): SchemaFormContextValue {
  return useContext(SchemaFormContext);
}

/**
 * The OUTERMOST form's data: `$root` in params, and what `$this`/`$parent` climb through. Only
 * widgets with `ui:options.params` read it, so only they re-render on every keystroke. Nested
 * dynamic forms do not re-provide it.
 */
export const SchemaFormDataContext = createContext<unknown>(undefined);

/** The outermost SchemaForm's current data. */
export function useRootFormData(): unknown {
  return useContext(SchemaFormDataContext);
}
