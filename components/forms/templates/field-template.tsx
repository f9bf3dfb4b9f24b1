"use client";

import { type FieldTemplateProps, type FormContextType, type RJSFSchema, type StrictRJSFSchema } from "@rjsf/utils";
import { cn } from "@/lib/utils";
import { useSchemaFormContext } from "../schema-form-context";
import { ExpressionModeField } from "./expression-mode-field";
import { RequiredMark } from "./required-mark";

/** One field: a real `<label for>` (so the control is named by it), the description, the control, its errors. */
export function FieldTemplate<T = unknown, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = FormContextType>(
  props: FieldTemplateProps<T, S, F>,
) {
  const { id, label, children, errors, help, description, rawDescription, hidden, required, displayLabel, classNames, style, registry } = props;
  const { WrapIfAdditionalTemplate } = registry.templates;
  const { expressionToggles } = useSchemaFormContext();
  if (hidden) return <div className="hidden">{children}</div>;
  if (expressionToggles && takesExpressionToggle(props)) return <ExpressionModeField {...props} />;
  return (
    <WrapIfAdditionalTemplate {...props}>
      <div className={cn("flex flex-col gap-1.5", classNames)} style={style}>
        {displayLabel && (
          <label htmlFor={id} className="text-sm font-medium text-fg">
            {label}
            <RequiredMark required={required} />
          </label>
        )}
        {displayLabel && rawDescription ? description : null}
        {children}
        {errors}
        {help}
      </div>
    </WrapIfAdditionalTemplate>
  );
}

/**
 * Every field but a form's root (a dynamic sub-form's root too: its field outside has the toggle),
 * an object in a list (its own fields have toggles), and an ExpressionWidget, which is one already.
 */
function takesExpressionToggle<T, S extends StrictRJSFSchema, F extends FormContextType>({ fieldPathId, schema, uiSchema }: FieldTemplateProps<T, S, F>): boolean {
  const path = fieldPathId.path;
  if (path.length === 0 || uiSchema?.["ui:widget"] === "ExpressionWidget") return false;
  return !(typeof path.at(-1) === "number" && schema.type === "object");
}
