"use client";

import { getSubmitButtonOptions, type FormContextType, type RJSFSchema, type StrictRJSFSchema, type SubmitButtonProps } from "@rjsf/utils";
import { Button } from "@/components/ui/button";

/** RJSF's submit button in the app's look (SchemaForm renders its own; this serves bare RJSF forms). */
export function SubmitButton<T = unknown, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = FormContextType>({ uiSchema }: SubmitButtonProps<T, S, F>) {
  const { submitText, norender, props } = getSubmitButtonOptions<T, S, F>(uiSchema);
  if (norender) return null;
  return (
    <Button type="submit" disabled={props?.disabled}>
      {submitText}
    </Button>
  );
}

/** The "Add" button of an object with additional properties. */
export function AddButton({ id, onClick, disabled }: { id?: string; onClick?: (event: React.MouseEvent<HTMLButtonElement>) => void; disabled?: boolean }) {
  return (
    <Button id={id} variant="secondary" size="sm" onClick={onClick} disabled={disabled}>
      Add property
    </Button>
  );
}
