"use client";

import { HeartPulse, PauseCircle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useSetPlayEnabledMutation } from "@/lib/api/play-mutations";
import type { Play } from "@/lib/contract";
import { thresholdText } from "./play-format";

/** How the play's recent runs went, and, when it paused itself, why, with Resume (enabling lifts the pause). */
export function PlayHealthPanel({ play }: { play: Play }) {
  const resume = useSetPlayEnabledMutation();
  const { status, reason, recentRunsCount, recentFailedCount } = play.health;
  const paused = status === "paused";
  return (
    <section aria-labelledby="play-health" className={paused ? "rounded-lg border border-danger/30 bg-danger/5 p-4" : "rounded-lg border border-border bg-surface p-4"}>
      <div className="flex items-start justify-between gap-4">
        <div className="flex items-start gap-3">
          {paused ? <PauseCircle aria-hidden className="mt-0.5 size-5 shrink-0 text-danger" /> : <HeartPulse aria-hidden className="mt-0.5 size-5 shrink-0 text-success" />}
          <div>
            <h2 id="play-health" className="text-sm font-semibold">
              {paused ? "Paused" : "Healthy"}
            </h2>
            {reason && <p className="mt-1 text-sm text-fg-muted">{reason}</p>}
            <p className="mt-1 text-sm text-fg-muted">
              {recentRunsCount === 0
                ? "No run has ended yet."
                : `${recentFailedCount} of the last ${recentRunsCount} ended runs failed.`}{" "}
              {play.healthThreshold === null ? "Failures never pause it." : `It pauses above ${thresholdText(play.healthThreshold)} failed.`}
            </p>
            {resume.error && (
              <p role="alert" className="mt-1 text-sm text-danger">
                {resume.error.message}
              </p>
            )}
          </div>
        </div>
        {paused && (
          <Button variant="primary" size="sm" disabled={resume.isPending} onClick={() => resume.mutate({ uuid: play.uuid, isEnabled: true })}>
            {resume.isPending ? "Resuming…" : "Resume"}
          </Button>
        )}
      </div>
    </section>
  );
}
