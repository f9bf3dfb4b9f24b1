import type { BatchStatus, PlayChangeKind, PlaySchedule, RunCreationRule } from "@/lib/contract";

/** The change kinds in the order a record meets them: it enters the segment, changes in it, leaves it. */
export const CHANGE_KINDS: readonly { kind: PlayChangeKind; label: string; hint: string }[] = [
  { kind: "added", label: "Added", hint: "A record enters the segment" },
  { kind: "updated", label: "Updated", hint: "A record in the segment changes" },
  { kind: "removed", label: "Removed", hint: "A record leaves the segment" },
];

export const RUN_CREATION_RULES: readonly { rule: RunCreationRule; label: string; hint: string }[] = [
  { rule: "always", label: "Every time", hint: "A run each time a record changes in a chosen kind" },
  { rule: "once", label: "Once per record", hint: "A record is run by this play once, ever" },
];

/** `Added, removed`; `None` for a play that runs on its schedule only. */
export function changeKindsText(kinds: readonly PlayChangeKind[]): string {
  const labels = CHANGE_KINDS.filter(({ kind }) => kinds.includes(kind)).map(({ label }) => label.toLowerCase());
  if (labels.length === 0) return "None";
  return labels.join(", ").replace(/^./, (first) => first.toUpperCase());
}

export function ruleText(rule: RunCreationRule): string {
  return RUN_CREATION_RULES.find((each) => each.rule === rule)?.label ?? rule;
}

/** `0 * * * * (UTC)`, or `None`: without a schedule a play runs on its segment's changes only. */
export function scheduleText(schedule: PlaySchedule): string {
  return schedule ? `${schedule.cron} (UTC)` : "None";
}

/** `50%` of a 0..1 threshold; `Never` when the play is never paused for its failures. */
export function thresholdText(threshold: number | null): string {
  return threshold === null ? "Never" : `${Math.round(threshold * 100)}%`;
}

/** A last batch's status in a word; the failed-run count is not in a play's summary, so `success` reads "Finished". */
export const BATCH_STATUS_TEXT: Record<BatchStatus, string> = {
  pending: "Pending",
  running: "Running",
  success: "Finished",
  error: "Failed",
  cancelled: "Cancelled",
};
