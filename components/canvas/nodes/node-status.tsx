import { Ban, CircleCheck, CircleMinus, CircleX, Clock, LoaderCircle, type LucideIcon } from "lucide-react";
import type { ExecutionStatus } from "@/lib/contract";
import { cn } from "@/lib/utils";

/** A node's state in the test run shown on the canvas. */
export type NodeStatus = ExecutionStatus;

const STATUS: Record<NodeStatus, { icon: LucideIcon; tone: string; border: string }> = {
  pending: { icon: Clock, tone: "text-fg-muted", border: "border-fg-muted/60 border-dashed" },
  running: { icon: LoaderCircle, tone: "text-sky-600 dark:text-sky-400 animate-spin", border: "border-sky-500 shadow-[0_0_0_3px] shadow-sky-500/20" },
  success: { icon: CircleCheck, tone: "text-success", border: "border-success" },
  error: { icon: CircleX, tone: "text-danger", border: "border-danger shadow-[0_0_0_3px] shadow-danger/15" },
  cancelled: { icon: Ban, tone: "text-amber-600 dark:text-amber-400", border: "border-amber-500" },
  skipped: { icon: CircleMinus, tone: "text-fg-muted", border: "opacity-60" },
};

/** The card border a run status gives a node. */
export function statusBorderClass(status: NodeStatus | null): string | undefined {
  return status ? STATUS[status].border : undefined;
}

/** A run status as an icon whose accessible name says it ("Status: success"). */
export function NodeStatusIndicator({ status, className }: { status: NodeStatus; className?: string }) {
  const { icon: Icon, tone } = STATUS[status];
  return (
    <span role="img" aria-label={`Status: ${status}`} title={`Status: ${status}`} className={cn("grid size-5 place-items-center rounded-full bg-surface", className)}>
      <Icon aria-hidden className={cn("size-4", tone)} />
    </span>
  );
}
