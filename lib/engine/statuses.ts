import type { RunStatus } from "@/lib/contract";

const TERMINAL: ReadonlySet<RunStatus> = new Set(["success", "error", "cancelled"]);

/** Whether a run has finished for good: success, error or cancelled. */
export function isTerminalRunStatus(status: RunStatus): boolean {
  return TERMINAL.has(status);
}
