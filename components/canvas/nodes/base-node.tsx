import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/** The card every canvas node is drawn on; `selected` adds the focus ring. */
export function BaseNode({ className, selected, ...props }: ComponentProps<"div"> & { selected?: boolean }) {
  return (
    <div
      className={cn(
        "relative flex size-full rounded-xl border border-border bg-surface text-fg shadow-sm transition-[box-shadow,border-color]",
        "hover:shadow-md dark:shadow-black/40",
        selected && "border-accent ring-2 ring-accent/30",
        className,
      )}
      {...props}
    />
  );
}

/** The node's first row: icon, title and status marks. */
export function BaseNodeHeader({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("flex min-w-0 items-start gap-2.5", className)} {...props} />;
}

export function BaseNodeHeaderTitle({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("truncate text-[13px] leading-[18px] font-medium", className)} {...props} />;
}

/** Secondary lines under the title. */
export function BaseNodeContent({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("min-w-0 text-xs leading-[15px] text-fg-muted", className)} {...props} />;
}
