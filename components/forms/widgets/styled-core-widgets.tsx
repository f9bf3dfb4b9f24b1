"use client";

import { getDefaultRegistry } from "@rjsf/core";
import type { FormContextType, RJSFSchema, StrictRJSFSchema, WidgetProps } from "@rjsf/utils";

// RJSF's core widgets render bare Bootstrap class names (and core ships no CSS), so these wrap
// them and style the inner element. Tailwind only sees literal class names, hence spelled out.
const core = getDefaultRegistry().widgets;

const selectLook =
  "[&_select]:h-9 [&_select]:w-full [&_select]:rounded-md [&_select]:border [&_select]:border-border [&_select]:bg-surface [&_select]:px-3 [&_select]:text-sm [&_select]:text-fg [&_select]:shadow-xs " +
  "[&_select:focus-visible]:border-accent [&_select:focus-visible]:outline-none [&_select:focus-visible]:ring-2 [&_select:focus-visible]:ring-accent/30 [&_select:disabled]:bg-surface-muted [&_select:disabled]:text-fg-muted";

const textareaLook =
  "[&_textarea]:min-h-20 [&_textarea]:w-full [&_textarea]:rounded-md [&_textarea]:border [&_textarea]:border-border [&_textarea]:bg-surface [&_textarea]:px-3 [&_textarea]:py-2 [&_textarea]:text-sm [&_textarea]:text-fg [&_textarea]:shadow-xs " +
  "[&_textarea:focus-visible]:border-accent [&_textarea:focus-visible]:outline-none [&_textarea:focus-visible]:ring-2 [&_textarea:focus-visible]:ring-accent/30 [&_textarea:disabled]:bg-surface-muted";

const checkboxLook =
  "[&_label]:inline-flex [&_label]:items-center [&_label]:gap-2 [&_label]:text-sm [&_label]:font-medium [&_input]:size-4 [&_input]:accent-[var(--accent)] [&_p]:mt-1 [&_p]:text-xs [&_p]:text-fg-muted";

/** Enum fields: the core `<select>`, styled. */
export function SelectWidget<T = unknown, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = FormContextType>(props: WidgetProps<T, S, F>) {
  const Select = core.SelectWidget;
  return <div className={selectLook}>{Select && <Select {...(props as WidgetProps)} />}</div>;
}

/** `ui:widget: "textarea"`: the core `<textarea>`, styled. */
export function TextareaWidget<T = unknown, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = FormContextType>(props: WidgetProps<T, S, F>) {
  const Textarea = core.TextareaWidget;
  return <div className={textareaLook}>{Textarea && <Textarea {...(props as WidgetProps)} />}</div>;
}

/** Boolean fields: the core checkbox with its own label, styled. */
export function CheckboxWidget<T = unknown, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = FormContextType>(props: WidgetProps<T, S, F>) {
  const Checkbox = core.CheckboxWidget;
  return <div className={checkboxLook}>{Checkbox && <Checkbox {...(props as WidgetProps)} />}</div>;
}
