"use client";

import { type ArrayFieldItemTemplateProps, type FormContextType, type RJSFSchema, type StrictRJSFSchema } from "@rjsf/utils";

/** One list item in a box, with its buttons beside it; a group named "Item 1", "Item 2", … */
export function ArrayFieldItemTemplate<T = unknown, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = FormContextType>(
  props: ArrayFieldItemTemplateProps<T, S, F>,
) {
  const { children, buttonsProps, hasToolbar, index, registry } = props;
  const { ArrayFieldItemButtonsTemplate } = registry.templates;
  return (
    <div role="group" aria-label={`Item ${index + 1}`} className="flex items-start gap-3 rounded-lg border border-border bg-surface-muted/40 p-3">
      <div className="min-w-0 flex-1">{children}</div>
      {hasToolbar && (
        <div className="flex shrink-0 items-center gap-1">
          <ArrayFieldItemButtonsTemplate {...buttonsProps} />
        </div>
      )}
    </div>
  );
}
