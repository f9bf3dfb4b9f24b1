"use client";

import type { DescriptionFieldProps, FormContextType, RJSFSchema, StrictRJSFSchema } from "@rjsf/utils";

/** A field's description, as plain text (manifests are untrusted, so no markdown or HTML). */
export function DescriptionFieldTemplate<T = unknown, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = FormContextType>({
  id,
  description,
}: DescriptionFieldProps<T, S, F>) {
  if (!description) return null;
  return (
    <p id={id} className="-mt-0.5 text-xs text-fg-muted">
      {description}
    </p>
  );
}
