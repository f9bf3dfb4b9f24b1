import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** An error or notice in the page flow; `role="alert"` so assistive technology announces it. */
export function Alert({ tone = "danger", title, children, action }: { tone?: "danger" | "neutral"; title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div
      role="alert"
      className={cn(
        "flex items-start justify-between gap-4 rounded-lg border p-4 text-sm",
        tone === "danger" ? "border-danger/30 bg-danger/5" : "border-border bg-surface",
      )}
    >
      <div>
        <p className={cn("font-medium", tone === "danger" && "text-danger")}>{title}</p>
        {children && <div className="mt-1 text-fg-muted">{children}</div>}
      </div>
      {action}
    </div>
  );
}
