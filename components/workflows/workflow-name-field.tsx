"use client";

import { useId } from "react";
import { TextInput } from "@/components/ui/text-input";
import { Label } from "@/components/ui/select";

/** The "Name" field of the create and rename dialogs, with its error under it. */
export function WorkflowNameField({ value, onChange, error }: { value: string; onChange: (value: string) => void; error?: string }) {
  const id = useId();
  const errorId = useId();
  return (
    <div>
      <Label htmlFor={id}>Name</Label>
      <TextInput
        id={id}
        data-autofocus
        value={value}
        onChange={(event) => onChange(event.target.value)}
        maxLength={120}
        placeholder="Enrich new signups"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        autoComplete="off"
      />
      {error && (
        <p id={errorId} className="mt-1.5 text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
