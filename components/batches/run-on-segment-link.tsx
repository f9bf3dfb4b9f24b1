import { Play } from "lucide-react";
import { ButtonLink } from "@/components/ui/button-link";

/** "Run a workflow on this segment": to `/batches/new` with the segment chosen, where the workflow is picked. */
export function RunOnSegmentLink({ segmentUuid, className }: { segmentUuid: string; className?: string }) {
  return (
    <ButtonLink href={`/batches/new?segmentUuid=${encodeURIComponent(segmentUuid)}`} size="sm" className={className}>
      <Play aria-hidden className="size-3.5" />
      Run a workflow on this segment
    </ButtonLink>
  );
}
