"use client";

import { type FieldTemplateProps, type FormContextType, type RJSFSchema, type StrictRJSFSchema } from "@rjsf/utils";
import { cn } from "@/lib/utils";

/** One field: a real `<label for>` (so the control is named by it), the description, the control, its errors. */
export function FieldTemplate<T = unknown, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = FormContextType>(
  props: FieldTemplateProps<T, S, F>,
) {
  const { id, label, children, errors, help, description, rawDescription, hidden, required, displayLabel, classNames, style, registry } = props;
  const { WrapIfAdditionalTemplate } = registry.templates;
  if (hidden) return <div className="hidden">{children}</div>;
  return (
    <WrapIfAdditionalTemplate {...props}>
      <div className={cn("flex flex-col gap-1.5", classNames)} style={style}>
        {displayLabel && (
          <label htmlFor={id} className="text-sm font-medium text-fg">
            {label}
            {required && (
              <span aria-hidden className="ml-0.5 text-danger">
                *
              </span>
            )}
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
