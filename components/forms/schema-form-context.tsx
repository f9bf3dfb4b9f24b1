"use client";

import type { RJSFSchema } from "@rjsf/utils";
import { createContext, useContext, type ComponentType } from "react";
import type { FieldPath } from "@/lib/params";
import { DynamicSchemaRegistry } from "./dynamic-schema-registry";
import type { ExpressionEditorProps } from "./expression-editor-props";

/** What every widget of a form (nested dynamic sub-forms included) knows about the outermost form. */
export interface SchemaFormContextValue {
  /** The connector whose autocompletes and dynamic schemas the widgets call. */
  connectorUuid?: string;
  /** The integration a connector config form belongs to: the OAuth widget completes through it. */
  integrationSlug?: string;
  /** The OUTERMOST form's data: `$root` in params, and what `$this`/`$parent` climb through. */
  rootFormData: unknown;
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
  rootFormData: undefined,
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
