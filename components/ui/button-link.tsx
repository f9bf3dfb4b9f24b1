import Link from "next/link";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

const variants = {
  primary: "bg-accent text-accent-fg hover:opacity-90",
  secondary: "border border-border bg-surface text-fg hover:bg-surface-muted",
} as const;

/** A link that looks like the ui Button: for navigation that reads as an action ("Add connector"). */
export function ButtonLink({
  variant = "secondary",
  size = "md",
  className,
  ...props
}: ComponentProps<typeof Link> & { variant?: keyof typeof variants; size?: "sm" | "md" }) {
  return (
    <Link
      className={cn(
        "inline-flex shrink-0 items-center justify-center gap-2 rounded-md text-sm font-medium whitespace-nowrap transition-colors",
        size === "sm" ? "h-8 px-3" : "h-9 px-4",
        variants[variant],
        className,
      )}
      {...props}
    />
  );
}
