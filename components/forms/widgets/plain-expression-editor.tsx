"use client";

import { cn } from "@/lib/utils";
import type { ExpressionEditorProps } from "../expression-editor-props";
import { inputClass } from "../input-class";

/** The expression editor a SchemaForm uses unless given its own: a monospace textarea that grows with its text. */
export function PlainExpressionEditor({ id, value, onChange, onBlur, onFocus, disabled, readOnly, required, autoFocus, invalid, describedBy }: ExpressionEditorProps) {
  return (
    <textarea
      id={id}
      rows={1}
      spellCheck={false}
      className={cn(inputClass, "h-auto min-h-9 resize-none py-2 font-mono text-[13px] leading-5 [field-sizing:content]")}
      value={value}
      disabled={disabled}
      readOnly={readOnly}
      required={required}
      autoFocus={autoFocus}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      placeholder="{{ nodes.start.field }}"
      onChange={(event) => onChange(event.target.value)}
      onBlur={onBlur}
      onFocus={onFocus}
    />
  );
}
