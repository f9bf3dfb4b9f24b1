import type { ComponentProps } from "react";
import { TextInput } from "@/components/ui/text-input";

/** A labelled input with its hint or error underneath, tied to it by aria-describedby. */
export function FormField({ id, label, hint, error, ...input }: ComponentProps<"input"> & { id: string; label: string; hint?: string; error?: string }) {
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <TextInput id={id} name={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {error ? (
        <p id={`${id}-error`} className="text-xs text-danger">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-fg-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** The field errors of an API 400, by the first segment of each problem's path. */
export function fieldErrors(problems: ReadonlyArray<{ path: string; message: string }> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const problem of problems ?? []) {
    const key = problem.path.replace(/^\$?\.?/, "").split(/[.[]/)[0] ?? "";
    out[key] ??= problem.message;
  }
  return out;
}
