import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/** A text input with the app's look; pair it with a <Label htmlFor>. */
export function TextInput({ className, ...props }: ComponentProps<"input">) {
  return (
    <input
      className={cn(
        "h-9 w-full min-w-0 rounded-md border border-border bg-surface px-3 text-sm text-fg placeholder:text-fg-muted/70 disabled:opacity-50",
        className,
      )}
      {...props}
    />
  );
}
