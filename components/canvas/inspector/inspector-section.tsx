import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** One titled part of the inspector (Node, Connector, Configuration, Settings). */
export function InspectorSection({ id, title, action, children, className }: { id: string; title: string; action?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section aria-labelledby={`${id}-heading`} className={cn("flex flex-col gap-4 border-t border-border px-4 py-4 first:border-t-0", className)}>
      <div className="flex items-center justify-between gap-2">
        <h3 id={`${id}-heading`} className="text-xs font-semibold tracking-wide text-fg-muted uppercase">
          {title}
        </h3>
        {action}
      </div>
      {children}
    </section>
  );
}

/** A label above its control, with an optional hint and error under it. */
export function InspectorField({ htmlFor, label, hint, error, errorId, children }: { htmlFor: string; label: string; hint?: ReactNode; error?: string | null; errorId?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={htmlFor} className="text-sm font-medium text-fg">
        {label}
      </label>
      {children}
      {error ? (
        <p id={errorId} className="text-xs text-danger">
          {error}
        </p>
      ) : (
        hint && <p className="text-xs text-fg-muted">{hint}</p>
      )}
    </div>
  );
}
