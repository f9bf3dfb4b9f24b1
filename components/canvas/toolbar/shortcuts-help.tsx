"use client";

import { Keyboard } from "lucide-react";
import { useEffect, useId, useRef } from "react";
import { cn } from "@/lib/utils";
import { SHORTCUTS } from "../shortcuts";

const isMac = () => typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.userAgent);

/** The "Keyboard shortcuts" button and the popover listing them; "?" toggles it, Escape or a click outside closes it. */
export function ShortcutsHelp({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const panelId = useId();
  const titleId = useId();
  const root = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    panel.current?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) onOpenChange(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open, onOpenChange]);

  const mod = isMac() ? "⌘" : "Ctrl";
  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-label="Keyboard shortcuts"
        aria-expanded={open}
        aria-controls={panelId}
        title="Keyboard shortcuts (?)"
        onClick={() => onOpenChange(!open)}
        className={cn("grid size-8 place-items-center rounded-md text-fg-muted transition-colors hover:bg-surface-muted hover:text-fg", open && "bg-surface-muted text-fg")}
      >
        <Keyboard aria-hidden className="size-4" />
      </button>
      {open && (
        <div
          ref={panel}
          id={panelId}
          role="dialog"
          aria-labelledby={titleId}
          tabIndex={-1}
          onKeyDown={(event) => {
            if (event.key !== "Escape") return;
            event.preventDefault();
            onOpenChange(false);
          }}
          // Focused only so Escape reaches it; the panel itself needs no focus ring.
          style={{ outline: "none" }}
          className="absolute top-full right-0 z-50 mt-2 w-80 rounded-xl border border-border bg-surface p-4 text-fg shadow-xl"
        >
          <h2 id={titleId} className="mb-3 text-sm font-semibold">
            Keyboard shortcuts
          </h2>
          <dl className="space-y-1.5 text-sm">
            {SHORTCUTS.map((shortcut) => (
              <div key={shortcut.action} className="flex items-center justify-between gap-4">
                <dt className="text-fg-muted">{shortcut.label}</dt>
                <dd className="flex shrink-0 items-center gap-1.5">
                  {shortcut.keys.map((combo, index) => (
                    <span key={index} className="flex items-center gap-0.5">
                      {index > 0 && <span className="mr-1 text-xs text-fg-muted">or</span>}
                      {combo.map((key) => (
                        <kbd key={key} className="min-w-5 rounded border border-border bg-surface-muted px-1 text-center font-sans text-[11px] leading-5 text-fg">
                          {key === "Mod" ? mod : key}
                        </kbd>
                      ))}
                    </span>
                  ))}
                </dd>
              </div>
            ))}
          </dl>
          <p className="mt-3 border-t border-border pt-3 text-xs text-fg-muted">Shift-click or Shift-drag to select several nodes. Shortcuts pause while you type.</p>
        </div>
      )}
    </div>
  );
}
