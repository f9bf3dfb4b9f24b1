"use client";

import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import type { ComponentProps } from "react";
import { useDeleteSegmentMutation } from "@/lib/api/segment-mutations";
import { segmentQueries } from "@/lib/api/segment-queries";
import type { Segment } from "@/lib/contract";
import { cn } from "@/lib/utils";

/** The model's saved segments as chips: "All records" first; a click loads one's filter and sort. */
export function SegmentBar({ modelUuid, current, onLoad }: { modelUuid: string; current: string | null; onLoad: (segment: Segment | null) => void }) {
  const segments = useQuery(segmentQueries.list(modelUuid));
  const remove = useDeleteSegmentMutation();
  const confirmRemove = (segment: Segment) => {
    if (!window.confirm(`Delete the segment "${segment.name}"? Its records stay in the model.`)) return;
    remove.mutate(segment.uuid, { onSuccess: () => segment.uuid === current && onLoad(null) });
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      <ul aria-label="Segments" className="flex flex-wrap items-center gap-1.5">
        <li>
          <Chip pressed={current === null} onClick={() => onLoad(null)}>
            All records
          </Chip>
        </li>
        {segments.data?.segments.map((segment) => (
          <li key={segment.uuid} className="flex items-center">
            <Chip pressed={current === segment.uuid} onClick={() => onLoad(segment)} className="rounded-r-none border-r-0 pr-2">
              {segment.name}
            </Chip>
            <button
              type="button"
              onClick={() => confirmRemove(segment)}
              aria-label={`Delete segment ${segment.name}`}
              className={cn(
                "flex h-7 items-center rounded-r-full border border-l-0 px-1.5 text-fg-muted hover:text-danger",
                current === segment.uuid ? "border-accent/40 bg-accent/10" : "border-border bg-surface",
              )}
            >
              <X aria-hidden className="size-3.5" />
            </button>
          </li>
        ))}
      </ul>
      {segments.isPending && <span className="text-xs text-fg-muted">Loading segments…</span>}
      {segments.error && <span className="text-xs text-danger">Could not load segments: {segments.error.message}</span>}
      {remove.error && <span role="alert" className="text-xs text-danger">Could not delete the segment: {remove.error.message}</span>}
    </div>
  );
}

function Chip({ pressed, className, ...props }: { pressed: boolean } & ComponentProps<"button">) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      className={cn(
        "h-7 rounded-full border px-3 text-sm transition-colors",
        pressed ? "border-accent/40 bg-accent/10 font-medium text-accent" : "border-border bg-surface text-fg-muted hover:bg-surface-muted hover:text-fg",
        className,
      )}
      {...props}
    />
  );
}
