import type { IntegrationCallSummary } from "@/lib/contract";
import { DataTable } from "@/components/ui/data-table";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDuration, formatTimestamp } from "@/components/runs/format";
import { CallStatusBadge } from "./call-status-badge";

const COLUMNS = ["Time", "Endpoint", "Status", { label: "Duration", className: "text-right" }, "Request id"] as const;

/** The calls, newest first; a row opens its call (its time is a button covering the row: Tab, then Enter). */
export function CallTable({ calls, onOpen }: { calls: IntegrationCallSummary[]; onOpen: (call: IntegrationCallSummary) => void }) {
  return (
    <DataTable caption="Calls to the integration server, newest first" columns={COLUMNS}>
      {calls.map((call) => {
        const time = formatTimestamp(call.createdAt);
        const { failure } = call;
        return (
          <tr key={call.uuid} className="group relative hover:bg-surface-muted/60" data-testid="integration-call-row">
            <td className="px-4 py-2.5 whitespace-nowrap">
              <button
                type="button"
                onClick={() => onOpen(call)}
                aria-label={`Open the call ${call.method} ${call.endpoint} at ${time}`}
                title={call.createdAt}
                className="text-left font-medium tabular-nums after:absolute after:inset-0 focus-visible:outline-none group-hover:underline focus-visible:after:rounded-sm focus-visible:after:ring-2 focus-visible:after:ring-accent/50"
              >
                {time}
              </button>
            </td>
            <td className="max-w-md px-4 py-2.5">
              <span className="mr-2 font-mono text-xs text-fg-muted">{call.method}</span>
              <span className="font-mono text-xs break-all">{call.endpoint}</span>
            </td>
            <td className="px-4 py-2.5">
              <CallStatusBadge call={call} />
              {failure && (
                <p className="mt-1 max-w-xs truncate text-xs text-danger" title={failure}>
                  {failure}
                </p>
              )}
            </td>
            <td className="px-4 py-2.5 text-right whitespace-nowrap text-fg-muted tabular-nums">{formatDuration(call.durationMs)}</td>
            <td className="px-4 py-2.5 font-mono text-xs text-fg-muted" title={call.requestId}>
              {call.requestId.slice(0, 8)}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

export function CallTableSkeleton() {
  return (
    <div className="flex flex-col gap-px overflow-hidden rounded-lg border border-border bg-surface" aria-busy="true" aria-label="Loading calls">
      {Array.from({ length: 6 }, (_, index) => (
        <div key={index} className="flex items-center gap-6 px-4 py-3.5">
          <Skeleton className="h-4 w-32" />
          <Skeleton className="h-4 w-56" />
          <Skeleton className="h-5 w-12 rounded-full" />
          <Skeleton className="ml-auto h-4 w-12" />
          <Skeleton className="h-4 w-16" />
        </div>
      ))}
    </div>
  );
}
