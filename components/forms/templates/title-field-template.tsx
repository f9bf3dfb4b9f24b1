"use client";

import type { FormContextType, RJSFSchema, StrictRJSFSchema, TitleFieldProps } from "@rjsf/utils";
import { RequiredMark } from "./required-mark";

/** The title of an object or array group. */
export function TitleFieldTemplate<T = unknown, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = FormContextType>({
  id,
  title,
  required,
}: TitleFieldProps<T, S, F>) {
  return (
    <legend id={id} className="text-sm font-medium text-fg">
      {title}
      <RequiredMark required={required} />
    </legend>
  );
}
