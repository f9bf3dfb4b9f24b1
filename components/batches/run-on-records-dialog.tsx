"use client";

import { X } from "lucide-react";
import { useId, useRef, type ComponentProps } from "react";
import { trapFocus, useModalDialog } from "@/components/ui/modal-dialog";
import { RunOnRecordsForm } from "./run-on-records-form";

/**
 * "Run on records" as a modal (native `<dialog>`: the page behind is inert, Escape closes it, Tab
 * stays inside). The form mounts only while open, so it starts fresh every time.
 */
export function RunOnRecordsDialog({
  open,
  onClose,
  description,
  ...form
}: { open: boolean; onClose: () => void; description: string } & Omit<ComponentProps<typeof RunOnRecordsForm>, "onCancel">) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  useModalDialog(ref, open, (dialog) => dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus());

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onClose={onClose}
      onKeyDown={trapFocus}
      onClick={(event) => event.target === event.currentTarget && onClose()}
      className="m-auto w-[calc(100%-2rem)] max-w-xl rounded-xl border border-border bg-surface p-0 text-fg shadow-2xl backdrop:bg-black/50 backdrop:backdrop-blur-[2px]"
    >
      {open && (
        <div className="p-5">
          <div className="mb-4 flex items-start justify-between gap-4">
            <div>
              <h2 id={titleId} className="text-base font-semibold">
                Run on records
              </h2>
              <p id={descriptionId} className="mt-1 text-sm text-fg-muted">
                {description}
              </p>
            </div>
            <button type="button" onClick={onClose} aria-label="Close" className="-m-1 rounded-md p-1 text-fg-muted hover:bg-surface-muted hover:text-fg">
              <X aria-hidden className="size-4" />
            </button>
          </div>
          <RunOnRecordsForm {...form} onCancel={onClose} />
        </div>
      )}
    </dialog>
  );
}
