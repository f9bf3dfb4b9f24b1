import { Ban, CheckCircle2, Circle, Loader2, TriangleAlert, XCircle, type LucideIcon } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { Batch } from "@/lib/contract";
import { cn } from "@/lib/utils";

type Look = { label: string; tone: "neutral" | "success" | "danger" | "accent"; icon: LucideIcon };

/** A finished batch may have failed runs: it reads "Finished with failures" rather than "Succeeded". */
function lookOf({ status, failedRunsCount }: Pick<Batch, "status" | "failedRunsCount">): Look {
  switch (status) {
    case "pending":
      return { label: "Pending", tone: "neutral", icon: Circle };
    case "running":
      return { label: "Running", tone: "accent", icon: Loader2 };
    case "success":
      return failedRunsCount > 0
        ? { label: "Finished with failures", tone: "danger", icon: TriangleAlert }
        : { label: "Succeeded", tone: "success", icon: CheckCircle2 };
    case "error":
      return { label: "Failed", tone: "danger", icon: XCircle };
    case "cancelled":
      return { label: "Cancelled", tone: "neutral", icon: Ban };
  }
}

/** A batch's status as a pill; `data-status` holds the API's status for tests and styles. */
export function BatchStatusBadge({ batch, className }: { batch: Pick<Batch, "status" | "failedRunsCount">; className?: string }) {
  const { label, tone, icon: Icon } = lookOf(batch);
  return (
    <Badge tone={tone} className={cn("gap-1", className)} data-status={batch.status}>
      <Icon aria-hidden className={cn("size-3", batch.status === "running" && "animate-spin")} />
      {label}
    </Badge>
  );
}
