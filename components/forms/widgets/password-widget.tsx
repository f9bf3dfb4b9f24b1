"use client";

import { type FormContextType, type RJSFSchema, type StrictRJSFSchema, type WidgetProps } from "@rjsf/utils";
import { hintClass } from "../input-class";

// The server's stand-in for a stored secret (lib/vault SECRET_MASK, server-only). Sending it back
// means "unchanged", so it is kept as the value until the user types a new secret.
const SECRET_MASK = "••••••••";

/**
 * `ui:widget: "password"`: a password input. A saved secret comes back as the mask; the input then
 * shows the mask as its placeholder and stays empty, and typing replaces the secret.
 */
export function PasswordWidget<T = unknown, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = FormContextType>(props: WidgetProps<T, S, F>) {
  const { id, value, registry } = props;
  const { BaseInputTemplate } = registry.templates;
  const saved = value === SECRET_MASK;
  return (
    <>
      <BaseInputTemplate
        {...props}
        type="password"
        autoComplete="new-password"
        value={saved ? "" : value}
        placeholder={saved ? SECRET_MASK : props.placeholder}
        // Clearing the field after typing falls back to the saved secret, not to an empty one.
        onChange={(next: unknown) => props.onChange(next === undefined || next === "" ? (saved ? SECRET_MASK : undefined) : next)}
      />
      {saved && (
        <p id={`${id}__saved`} className={hintClass}>
          Saved. Type to replace it.
        </p>
      )}
    </>
  );
}
