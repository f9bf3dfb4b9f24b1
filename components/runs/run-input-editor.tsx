"use client";

import { useId, type ReactNode } from "react";
import { SchemaForm } from "@/components/forms/schema-form";
import { cn } from "@/lib/utils";
import type { ParsedRunInput } from "./run-input";

export type RunInputMode = "form" | "json";

/**
 * The test run's input: a JSON editor checked as you type and, when the start node declares an
 * input schema, a form over the same value. In form mode the form's submit button runs, with
 * `formActions` beside it.
 */
export function RunInputEditor({
  text,
  parsed,
  onChange,
  schema,
  fieldsUsed,
  disabled,
  onSubmitForm,
  submitLabel,
  mode,
  onModeChange,
  formActions,
}: {
  text: string;
  parsed: ParsedRunInput;
  onChange: (text: string) => void;
  schema: Record<string, unknown> | undefined;
  fieldsUsed: string[];
  disabled: boolean;
  onSubmitForm: () => void;
  submitLabel: string;
  mode: RunInputMode;
  onModeChange: (mode: RunInputMode) => void;
  formActions?: ReactNode;
}) {
  const id = useId();
  const showForm = schema !== undefined && mode === "form";

  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={id} className={cn("text-sm font-medium", showForm && "sr-only")}>
          Input data (JSON)
        </label>
        {showForm && <span className="text-sm font-medium">Input data</span>}
        {schema && (
          <div role="group" aria-label="Edit the input as" className="flex rounded-md border border-border p-0.5 text-xs">
            {(["form", "json"] as const).map((option) => (
              <button
                key={option}
                type="button"
                aria-pressed={mode === option}
                onClick={() => onModeChange(option)}
                className={cn("rounded px-2 py-0.5", mode === option ? "bg-surface-muted font-medium text-fg" : "text-fg-muted")}
              >
                {option === "form" ? "Form" : "JSON"}
              </button>
            ))}
          </div>
        )}
      </div>
      {showForm ? (
        <SchemaForm
          id={`${id}-form`}
          schema={schema}
          formData={parsed.ok ? parsed.data : {}}
          onChange={(data) => onChange(JSON.stringify(data, null, 2))}
          onSubmit={onSubmitForm}
          submitLabel={submitLabel}
          disabled={disabled}
        >
          {formActions}
        </SchemaForm>
      ) : (
        <>
          <textarea
            id={id}
            value={text}
            onChange={(event) => onChange(event.target.value)}
            spellCheck={false}
            rows={Math.min(12, Math.max(4, text.split("\n").length + 1))}
            aria-invalid={!parsed.ok || undefined}
            aria-describedby={`${id}-hint`}
            className={cn(
              "w-full resize-y rounded-md border bg-surface p-3 font-mono text-xs leading-relaxed text-fg shadow-xs focus-visible:outline-none focus-visible:ring-2",
              parsed.ok ? "border-border focus-visible:border-accent focus-visible:ring-accent/30" : "border-danger focus-visible:ring-danger/30",
            )}
          />
          <p id={`${id}-hint`} className={cn("text-xs", parsed.ok ? "text-fg-muted" : "text-danger")} role={parsed.ok ? undefined : "alert"}>
            {parsed.ok ? hint(fieldsUsed) : parsed.message}
          </p>
        </>
      )}
    </div>
  );
}

function hint(fieldsUsed: string[]): string {
  if (fieldsUsed.length === 0) return "The start node's output: later nodes read it as nodes.start.<field>.";
  return `This workflow reads ${fieldsUsed.map((field) => `nodes.start.${field}`).join(", ")}.`;
}
