import { Badge } from "@/components/ui/badge";
import type { Play } from "@/lib/contract";

/** Healthy or Paused; the reason (why it paused, or what keeps it from running) shows on hover and is read with the badge. */
export function PlayHealthBadge({ play }: { play: Pick<Play, "health" | "isEnabled"> }) {
  const { status, reason } = play.health;
  const label = status === "paused" ? "Paused" : "Healthy";
  return (
    <Badge tone={status === "paused" ? "danger" : "success"} title={reason ?? undefined} data-status={status}>
      {label}
      {reason && <span className="sr-only">: {reason}</span>}
    </Badge>
  );
}
