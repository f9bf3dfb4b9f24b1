"use client";

import { type FormContextType, type RJSFSchema, type StrictRJSFSchema, type WidgetProps } from "@rjsf/utils";
import { hintClass } from "../input-class";

/** `OAuthWidget` placeholder: a text input for the token until the Connect flow exists. */
export function OAuthWidget<T = unknown, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = FormContextType>(props: WidgetProps<T, S, F>) {
  const { BaseInputTemplate } = props.registry.templates;
  return (
    <>
      <BaseInputTemplate {...props} type="text" />
      <p className={hintClass}>Paste a token; connecting with OAuth is not available yet.</p>
    </>
  );
}
