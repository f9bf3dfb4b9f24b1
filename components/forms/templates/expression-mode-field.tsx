"use client";

import { ariaDescribedByIds, type FieldTemplateProps, type FormContextType, type RJSFSchema, type StrictRJSFSchema } from "@rjsf/utils";
import { useRef, useState } from "react";
import { cn } from "@/lib/utils";
import { discardsExpression, expressionEditValue, expressionLanguage, expressionModeText, literalAfterExpressionMode } from "../expression-mode";
import { isExpressionValue } from "../expression-value";
import { useStablePath } from "../hooks/use-field-path";
import { useSchemaFormContext } from "../schema-form-context";
import { PlainExpressionEditor } from "../widgets/plain-expression-editor";
import { DiscardExpressionPrompt, ExpressionToggle } from "./expression-toggle";
import { RequiredMark } from "./required-mark";

/**
 * A field that can switch between its own widget and an expression editor (SchemaForm's
 * `expressionToggles`). A value that is an expression object opens in expression mode; while in
 * it the field stores an expression once its text holds `{{`, a literal otherwise
 * (docs/architecture.md, decision 7). Leaving it restores the literal from before, after asking if
 * an expression would go.
 */
export function ExpressionModeField<T = unknown, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = FormContextType>(
  props: FieldTemplateProps<T, S, F>,
) {
  const { id, label, children, errors, help, description, rawDescription, required, displayLabel, classNames, style, registry, formData, schema, onChange, fieldPathId, disabled, readonly, rawErrors } = props;
  const { WrapIfAdditionalTemplate } = registry.templates;
  const { expressionEditor: Editor = PlainExpressionEditor, basePath } = useSchemaFormContext();
  const path = useStablePath([...basePath, ...fieldPathId.path]);
  const [expressionMode, setExpressionMode] = useState(() => isExpressionValue(formData));
  const [confirming, setConfirming] = useState(false);
  const [focusEditor, setFocusEditor] = useState(false);
  const literalBefore = useRef<unknown>(isExpressionValue(formData) ? undefined : formData);
  // A value that turns into an expression from outside (undo, a paste) opens the editor too.
  const [seen, setSeen] = useState<unknown>(formData);
  if (formData !== seen) {
    setSeen(formData);
    if (isExpressionValue(formData) && !expressionMode) setExpressionMode(true);
  }

  const title = label || "this field";
  const change = (value: unknown) => onChange(value as T, fieldPathId.path, undefined, id);
  const leave = () => {
    setConfirming(false);
    setExpressionMode(false);
    const literal = literalAfterExpressionMode(formData, literalBefore.current);
    if (literal !== formData) change(literal);
  };
  const toggle = () => {
    if (!expressionMode) {
      literalBefore.current = formData;
      setExpressionMode(true);
      setFocusEditor(true);
    } else if (discardsExpression(formData)) setConfirming(true);
    else leave();
  };

  const toggleButton = <ExpressionToggle label={title} pressed={expressionMode} disabled={disabled || readonly} onClick={toggle} />;
  const labelled = displayLabel || expressionMode;
  return (
    <WrapIfAdditionalTemplate {...props}>
      <div className={cn("relative flex flex-col gap-1.5", classNames)} style={style}>
        {labelled ? (
          <div className="flex min-h-6 items-center justify-between gap-2">
            <label htmlFor={id} className="text-sm font-medium text-fg">
              {label}
              <RequiredMark required={required} />
            </label>
            {toggleButton}
          </div>
        ) : (
          // Objects sit in a framed box: the toggle goes inside its corner, next to the box's title.
          <div className={cn("absolute z-10", schema.type === "object" ? "top-3 right-3" : "top-0 right-0")}>{toggleButton}</div>
        )}
        {labelled && rawDescription ? description : null}
        {expressionMode ? (
          <Editor
            id={id}
            label={title}
            path={path}
            language={expressionLanguage(formData)}
            value={expressionModeText(formData)}
            onChange={(text) => change(expressionEditValue(formData, text, schema.type))}
            disabled={disabled}
            readOnly={readonly}
            required={required}
            autoFocus={focusEditor}
            invalid={Boolean(rawErrors?.length)}
            describedBy={ariaDescribedByIds(id)}
          />
        ) : (
          children
        )}
        {confirming && <DiscardExpressionPrompt label={title} onDiscard={leave} onKeep={() => setConfirming(false)} />}
        {errors}
        {help}
      </div>
    </WrapIfAdditionalTemplate>
  );
}
