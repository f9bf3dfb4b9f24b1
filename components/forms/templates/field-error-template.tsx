"use client";

import { errorId, type FieldErrorProps, type FormContextType, type RJSFSchema, type StrictRJSFSchema } from "@rjsf/utils";

/** A field's validation errors, right under it; the control points at them with aria-describedby. */
export function FieldErrorTemplate<T = unknown, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = FormContextType>({
  errors,
  fieldPathId,
}: FieldErrorProps<T, S, F>) {
  const shown = (errors ?? []).filter(Boolean);
  if (shown.length === 0) return null;
  return (
    <ul id={errorId(fieldPathId)} className="space-y-0.5 text-xs text-danger">
      {shown.map((error, index) => (
        <li key={index}>{error}</li>
      ))}
    </ul>
  );
}
