"use client";

import { ariaDescribedByIds, type FormContextType, type RJSFSchema, type StrictRJSFSchema, type WidgetProps } from "@rjsf/utils";
import { Braces } from "lucide-react";
import { cn } from "@/lib/utils";
import { expressionEditValue, expressionLanguage } from "../expression-mode";
import { expressionText, isExpressionValue, toExpressionValue } from "../expression-value";
import { hintClass, inputClass } from "../input-class";
import { useFieldPath } from "../hooks/use-field-path";
import { useSchemaFormContext } from "../schema-form-context";

/**
 * `ExpressionWidget`: text that becomes a template expression object once it holds `{{`, and
 * stays a plain literal otherwise (docs/architecture.md, decision 7), so text is never evaluated by
 * accident.
 */
export function ExpressionWidget<T = unknown, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = FormContextType>(props: WidgetProps<T, S, F>) {
  const { id, htmlName, name, label, value, schema, disabled, readonly, autofocus, placeholder, required, rawErrors, onChange, onBlur, onFocus } = props;
  const { expressionToggles, expressionEditor: Editor } = useSchemaFormContext();
  const path = useFieldPath(htmlName, name);
  const expression = isExpressionValue(value);
  // Where fields can switch to expressions, an expression field gets the same editor they do.
  if (expressionToggles && Editor) {
    return (
      <Editor
        id={id}
        label={label || name}
        path={path}
        language={expressionLanguage(value)}
        value={expressionText(value)}
        onChange={(text) => onChange(expressionEditValue(value, text, schema.type))}
        onBlur={() => onBlur(id, value)}
        onFocus={() => onFocus(id, value)}
        disabled={disabled}
        readOnly={readonly}
        required={required}
        autoFocus={autofocus}
        invalid={Boolean(rawErrors?.length)}
        describedBy={ariaDescribedByIds(id)}
      />
    );
  }
  return (
    <>
      <div className="relative">
        <input
          id={id}
          name={htmlName || id}
          type="text"
          spellCheck={false}
          className={cn(inputClass, "pr-9 font-mono text-[13px]")}
          value={expressionText(value)}
          disabled={disabled}
          readOnly={readonly}
          autoFocus={autofocus}
          required={required}
          placeholder={placeholder}
          aria-invalid={rawErrors?.length ? true : undefined}
          aria-describedby={`${ariaDescribedByIds(id)} ${id}__syntax`}
          onChange={(event) => onChange(toExpressionValue(event.target.value, schema.type))}
          onBlur={() => onBlur(id, value)}
          onFocus={() => onFocus(id, value)}
        />
        <Braces aria-hidden className={cn("pointer-events-none absolute top-2.5 right-3 size-4", expression ? "text-accent" : "text-fg-muted/60")} />
      </div>
      <p id={`${id}__syntax`} className={hintClass}>
        Supports <code className="font-mono">{"{{ }}"}</code> templates{expression ? " · evaluated when the action runs" : ""}
      </p>
    </>
  );
}
