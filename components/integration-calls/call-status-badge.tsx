import type { IntegrationCall } from "@/lib/contract";
import { Badge } from "@/components/ui/badge";

/** What the status filter offers: a class of statuses, or no answer at all. */
export const STATUS_FILTERS = [
  { value: "2xx", label: "2xx success" },
  { value: "3xx", label: "3xx redirect" },
  { value: "4xx", label: "4xx refused" },
  { value: "5xx", label: "5xx server error" },
  { value: "error", label: "No answer (network error, timeout)" },
] as const;

/** The HTTP status as a pill (green 2xx, red 4xx/5xx); a call with no answer shows why instead ("timeout"). */
export function CallStatusBadge({ call }: { call: Pick<IntegrationCall, "status" | "errorKind"> }) {
  if (call.status === null) {
    return (
      <Badge tone="danger" data-status="error">
        {call.errorKind ?? "no answer"}
      </Badge>
    );
  }
  const tone = call.status < 300 ? "success" : call.status >= 400 ? "danger" : "neutral";
  return (
    <Badge tone={tone} className="font-mono tabular-nums" data-status={call.status}>
      {call.status}
    </Badge>
  );
}
