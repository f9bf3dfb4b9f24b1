import type { ReactNode } from "react";
import { cn } from "@/lib/utils";
import { Label } from "./select";

export const textareaClass =
  "w-full resize-y rounded-md border border-border bg-surface p-3 font-mono text-xs leading-relaxed text-fg shadow-xs placeholder:text-fg-muted/60 focus-visible:border-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-accent/30";

/** A labelled control with its hint or, once it is wrong, its error (announced, and tied to the control). */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  children: (props: { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string }) => ReactNode;
}) {
  const described = error || hint ? `${id}-note` : undefined;
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": described })}
      {(error || hint) && (
        <p id={described} role={error ? "alert" : undefined} className={cn("mt-1.5 text-xs", error ? "text-danger" : "text-fg-muted")}>
          {error ?? hint}
        </p>
      )}
    </div>
  );
}
