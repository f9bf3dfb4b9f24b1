"use client";

import { Button } from "@/components/ui/button";
import { hintClass } from "../input-class";

interface AutocompleteNotesProps {
  id: string;
  /** Why the field cannot be used yet ("Choose Object first"). */
  hint?: string;
  /** The server's message when the options could not be loaded. */
  error?: string;
  onRetry(): void;
  /** The value is not among the options (kept, never wiped). */
  custom: boolean;
}

/** The ids of the notes a combobox is described by. */
export const noteIds = (id: string) => `${id}__hint ${id}__load-error ${id}__custom`;

/** What an autocomplete tells the user under its input: a blocking hint, a load error, a custom value. */
export function AutocompleteNotes({ id, hint, error, onRetry, custom }: AutocompleteNotesProps) {
  return (
    <>
      {hint && (
        <p id={`${id}__hint`} className={hintClass}>
          {hint}
        </p>
      )}
      {error && (
        <div id={`${id}__load-error`} role="alert" className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
          <span className="text-danger">{error}</span>
          <span className="text-fg-muted">You can type a value by hand.</span>
          <Button variant="secondary" size="sm" className="h-7 px-2 text-xs" onClick={onRetry}>
            Retry
          </Button>
        </div>
      )}
      {custom && !error && (
        <p id={`${id}__custom`} className={hintClass}>
          Not among the current options; kept as a custom value.
        </p>
      )}
    </>
  );
}
