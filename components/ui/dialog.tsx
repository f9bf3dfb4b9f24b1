"use client";

import { X } from "lucide-react";
import { useId, useRef, type ReactNode } from "react";
import { cn } from "@/lib/utils";
import { trapFocus, useModalDialog } from "./modal-dialog";

const WIDTHS = { md: "max-w-md", xl: "max-w-xl", "2xl": "max-w-2xl", "3xl": "max-w-3xl" } as const;

/**
 * A modal dialog on the native `<dialog>`: the page behind is inert, Escape closes it, Tab and
 * Shift+Tab cycle inside it, and focus returns to what opened it. Its content mounts only while
 * open, so a form inside starts fresh every time. Mark the field to focus first with `data-autofocus`.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  width = "md",
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  width?: keyof typeof WIDTHS;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // Where the press began: a text selection dragged out of a field ends on the backdrop too.
  const pressedOnBackdrop = useRef(false);
  const titleId = useId();
  const descriptionId = useId();

  useModalDialog(ref, open, (dialog) => {
    const first = dialog.querySelector<HTMLElement>("[data-autofocus]");
    first?.focus();
    if (first instanceof HTMLInputElement) first.select();
  });

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={onClose}
      onKeyDown={trapFocus}
      // A click on the backdrop lands on the <dialog> itself, outside its padded content; only a
      // press that also began there closes it, so dragging a selection out of a field keeps the form.
      onMouseDown={(event) => (pressedOnBackdrop.current = event.target === event.currentTarget)}
      onClick={(event) => event.target === event.currentTarget && pressedOnBackdrop.current && onClose()}
      className={cn(
        "m-auto w-[calc(100%-2rem)] rounded-xl border border-border bg-surface p-0 text-fg shadow-2xl backdrop:bg-black/50 backdrop:backdrop-blur-[2px]",
        WIDTHS[width],
      )}
    >
      {open && (
        <div className="p-5">
          <div className="mb-4 flex items-start justify-between gap-4">
            <div>
              <h2 id={titleId} className="text-base font-semibold">
                {title}
              </h2>
              {description && (
                <p id={descriptionId} className="mt-1 text-sm text-fg-muted">
                  {description}
                </p>
              )}
            </div>
            <button type="button" onClick={onClose} aria-label="Close" className="-m-1 rounded-md p-1 text-fg-muted hover:bg-surface-muted hover:text-fg">
              <X aria-hidden className="size-4" />
            </button>
          </div>
          {children}
        </div>
      )}
    </dialog>
  );
}

/** The dialog's button row, Cancel first and the main action last, as everywhere in the app. */
export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="mt-5 flex justify-end gap-2">{children}</div>;
}
