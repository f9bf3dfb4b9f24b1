"use client";

import { useSetPlayEnabledMutation } from "@/lib/api/play-mutations";
import type { Play } from "@/lib/contract";
import { cn } from "@/lib/utils";

/** The play's on/off switch: enabling also lifts a health pause. `label` names it for assistive technology (and shows when `visibleLabel`). */
export function PlayEnabledSwitch({ play, label, visibleLabel = false, className }: { play: Play; label: string; visibleLabel?: boolean; className?: string }) {
  const setEnabled = useSetPlayEnabledMutation();
  const checked = setEnabled.isPending ? setEnabled.variables.isEnabled : play.isEnabled;
  return (
    <span className={cn("inline-flex flex-col items-start", className)}>
      <button
        type="button"
        role="switch"
        aria-checked={checked}
        aria-label={visibleLabel ? undefined : label}
        disabled={setEnabled.isPending}
        onClick={() => setEnabled.mutate({ uuid: play.uuid, isEnabled: !play.isEnabled })}
        className="inline-flex items-center gap-2 rounded-md text-sm font-medium disabled:opacity-50"
      >
        <span aria-hidden className={cn("relative h-5 w-9 shrink-0 rounded-full transition-colors", checked ? "bg-accent" : "bg-border")}>
          <span className={cn("absolute top-0.5 left-0.5 size-4 rounded-full bg-white shadow-xs transition-transform", checked && "translate-x-4")} />
        </span>
        {visibleLabel && label}
      </button>
      {setEnabled.error && (
        <span role="alert" className="mt-1 text-xs text-danger">
          {setEnabled.error.message}
        </span>
      )}
    </span>
  );
}
