"use client";

import { ariaDescribedByIds, examplesId, getInputProps, type BaseInputTemplateProps, type FormContextType, type RJSFSchema, type StrictRJSFSchema } from "@rjsf/utils";
import type { ChangeEvent } from "react";
import { inputClass } from "../input-class";

/** The `<input>` behind text, number, email, date and similar widgets, in the app's look. */
export function BaseInputTemplate<T = unknown, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = FormContextType>(
  props: BaseInputTemplateProps<T, S, F>,
) {
  const { id, htmlName, value, readonly, disabled, autofocus, onBlur, onFocus, onChange, onChangeOverride, options, schema, type, placeholder, required, rawErrors, autoComplete } = props;
  const inputProps = getInputProps<T, S, F>(schema, type, options);
  const inputValue = value ?? "";
  const handleChange = ({ target }: ChangeEvent<HTMLInputElement>) => onChange(target.value === "" ? options.emptyValue : target.value);
  const examples = Array.isArray(schema.examples) ? (schema.examples as unknown[]) : [];
  return (
    <>
      <input
        id={id}
        name={htmlName || id}
        className={inputClass}
        readOnly={readonly}
        disabled={disabled}
        autoFocus={autofocus}
        placeholder={placeholder}
        required={required}
        autoComplete={typeof autoComplete === "string" ? autoComplete : undefined}
        aria-invalid={rawErrors?.length ? true : undefined}
        {...inputProps}
        value={inputValue as string | number}
        list={examples.length ? examplesId(id) : undefined}
        onChange={onChangeOverride || handleChange}
        onBlur={({ target }) => onBlur(id, target.value)}
        onFocus={({ target }) => onFocus(id, target.value)}
        aria-describedby={ariaDescribedByIds(id, examples.length > 0)}
      />
      {examples.length > 0 && (
        <datalist id={examplesId(id)}>
          {examples.map((example) => (
            <option key={String(example)} value={String(example)} />
          ))}
        </datalist>
      )}
    </>
  );
}
