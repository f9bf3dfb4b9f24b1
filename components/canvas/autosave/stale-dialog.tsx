"use client";

import { TriangleAlert } from "lucide-react";
import { useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { trapFocus, useModalDialog } from "@/components/ui/modal-dialog";

/**
 * The modal shown when a save was refused because someone else saved first. A native modal
 * `<dialog>` (the page behind it is inert) whose Tab and Shift+Tab cycle through its buttons;
 * Escape means "Keep editing".
 */
export function StaleDialog({ open, message, onReload, onKeepEditing }: { open: boolean; message: string; onReload: () => void; onKeepEditing: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const reload = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const messageId = useId();

  useModalDialog(ref, open, () => reload.current?.focus());

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={messageId}
      onCancel={(event) => {
        event.preventDefault();
        onKeepEditing();
      }}
      onKeyDown={trapFocus}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-border bg-surface p-0 text-fg shadow-2xl backdrop:bg-black/40 backdrop:backdrop-blur-[2px]"
    >
      <div className="flex gap-3 p-5">
        <span className="grid size-9 shrink-0 place-items-center rounded-full bg-danger/10 text-danger">
          <TriangleAlert aria-hidden className="size-4.5" />
        </span>
        <div className="space-y-2">
          <h2 id={titleId} className="text-base font-semibold">
            This workflow was changed elsewhere
          </h2>
          <p id={messageId} className="text-sm text-fg-muted">
            {message}
          </p>
          <p className="text-sm text-fg-muted">Reloading discards your unsaved edits here. Keep editing to copy what you need first; nothing is saved until you reload.</p>
        </div>
      </div>
      <div className="flex justify-end gap-2 border-t border-border bg-surface-muted/50 px-5 py-3">
        <Button variant="secondary" onClick={onKeepEditing}>
          Keep editing
        </Button>
        <Button ref={reload} onClick={onReload}>
          Reload
        </Button>
      </div>
    </dialog>
  );
}
