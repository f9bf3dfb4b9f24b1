import { useEffect, useRef, type KeyboardEvent, type RefObject } from "react";

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Shows a native `<dialog>` as a modal while `open` (the page behind is inert) and closes it
 * otherwise. `onShown` runs right after it opens: React's autoFocus fires before the dialog is
 * shown, so focusing the first field is done there.
 */
export function useModalDialog(ref: RefObject<HTMLDialogElement | null>, open: boolean, onShown?: (dialog: HTMLDialogElement) => void) {
  const shown = useRef(onShown);
  // Declared first, so the latest callback is in place when the effect below runs.
  useEffect(() => {
    shown.current = onShown;
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      shown.current?.(dialog);
    }
    if (!open && dialog.open) dialog.close();
  }, [ref, open]);
}

/** A dialog's `onKeyDown`: Tab and Shift+Tab cycle through its focusable elements, never out of it. */
export function trapFocus(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== "Tab") return;
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
