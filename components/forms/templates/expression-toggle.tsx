"use client";

import { Braces } from "lucide-react";
import { cn } from "@/lib/utils";

/** The per-field switch between a fixed value and an expression: a toggle button named for its field. */
export function ExpressionToggle({ label, pressed, disabled, onClick, className }: { label: string; pressed: boolean; disabled?: boolean; onClick(): void; className?: string }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      aria-label={`Use an expression for ${label}`}
      title={pressed ? "Use a fixed value instead" : "Use an expression"}
      disabled={disabled}
      onClick={onClick}
      className={cn(
        "inline-flex size-6 shrink-0 items-center justify-center rounded-md text-fg-muted transition-colors hover:bg-surface-muted hover:text-fg disabled:pointer-events-none disabled:opacity-50",
        "aria-pressed:bg-accent/10 aria-pressed:text-accent",
        className,
      )}
    >
      <Braces aria-hidden className="size-3.5" />
    </button>
  );
}

/** Asks before an expression is thrown away for a fixed value. */
export function DiscardExpressionPrompt({ label, onDiscard, onKeep }: { label: string; onDiscard(): void; onKeep(): void }) {
  return (
    <div role="alert" className="flex flex-wrap items-center gap-2 rounded-md border border-border bg-surface-muted/60 px-3 py-2 text-xs text-fg">
      <span className="flex-1">Discard the expression of {label} and use a fixed value?</span>
      <button type="button" onClick={onDiscard} className="h-7 rounded-md bg-danger px-2.5 font-medium text-white hover:opacity-90">
        Discard expression
      </button>
      <button type="button" onClick={onKeep} className="h-7 rounded-md border border-border bg-surface px-2.5 font-medium hover:bg-surface-muted">
        Keep it
      </button>
    </div>
  );
}
