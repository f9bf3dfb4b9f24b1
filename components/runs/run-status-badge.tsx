import { Ban, CheckCircle2, Circle, CircleDashed, Loader2, XCircle, type LucideIcon } from "lucide-react";
import type { ExecutionStatus } from "@/lib/contract";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";

const looks: Record<ExecutionStatus, { label: string; tone: "neutral" | "success" | "danger" | "accent"; icon: LucideIcon }> = {
  pending: { label: "Pending", tone: "neutral", icon: Circle },
  running: { label: "Running", tone: "accent", icon: Loader2 },
  success: { label: "Succeeded", tone: "success", icon: CheckCircle2 },
  error: { label: "Failed", tone: "danger", icon: XCircle },
  cancelled: { label: "Cancelled", tone: "neutral", icon: Ban },
  skipped: { label: "Skipped", tone: "neutral", icon: CircleDashed },
};

/** The words a status is shown with: "Succeeded", "Failed", … */
export function statusLabel(status: ExecutionStatus): string {
  return looks[status].label;
}

/** A run's or an execution's status as a coloured pill with an icon (spinning while running). */
export function RunStatusBadge({ status, className }: { status: ExecutionStatus; className?: string }) {
  const { label, tone, icon: Icon } = looks[status];
  return (
    <Badge tone={tone} className={cn("gap-1", className)} data-status={status}>
      <Icon aria-hidden className={cn("size-3", status === "running" && "animate-spin")} />
      {label}
    </Badge>
  );
}

/** Just the icon, coloured like the badge: for timelines where the label would repeat. */
export function RunStatusIcon({ status, className }: { status: ExecutionStatus; className?: string }) {
  const { label, tone, icon: Icon } = looks[status];
  const colour = { neutral: "text-fg-muted", success: "text-success", danger: "text-danger", accent: "text-accent" }[tone];
  return <Icon role="img" aria-label={label} className={cn("size-4 shrink-0", colour, status === "running" && "animate-spin", className)} />;
}
