import { wakeTimeOf } from "./delay";
import type { Clock, RunState } from "./ports";
import type { LeaseTiming, RunLeases } from "./run-leases";
import { isTerminalRunStatus } from "./statuses";

export interface HeldLeasesOptions {
  leases: RunLeases;
  timing: LeaseTiming;
  clock: Pick<Clock, "now">;
  /** Stops the walk of a run whose lease is no longer ours (taken over, cancelled elsewhere). */
  abandon: (runUuid: string) => void;
  onError?: (runUuid: string, error: unknown) => void;
}

/**
 * The run leases this process holds: claimed, renewed by a heartbeat, given back. The run queue
 * decides which runs to walk; this keeps their leases, so a run executes in one process at a time.
 */
export function createHeldLeases({ leases, timing, clock, abandon, onError }: HeldLeasesOptions) {
  const held = new Set<string>();
  /** Claims in flight: a stop waits for them. */
  let claiming = 0;
  let stopping = false;
  let beatTimer: ReturnType<typeof setInterval> | undefined;
  const after = (ms: number) => new Date(clock.now().getTime() + ms);
  const released = (runUuid: string, availableAt: Date | null) => leases.release(runUuid, availableAt).catch((error) => onError?.(runUuid, error));

  /**
   * Claims a run for this process (the caller then `hold`s it); false when another holds it, or
   * when a stop came while the claim was in flight: the run is then given back at once, before
   * the stop ends (it waits for the claims in flight, so nothing is released after the database
   * is closed).
   */
  async function claim(runUuid: string): Promise<boolean> {
    if (stopping) return false;
    claiming++;
    try {
      if (!(await leases.claim(runUuid, after(timing.leaseMs)))) return false;
      if (!stopping) return true;
      await released(runUuid, null);
      return false;
    } finally {
      claiming--;
    }
  }

  /**
   * Lets go of a run after its walk: an ended run's last save let go of its lease already; a parked
   * one is kept from others until due; a walk that threw (no state: the store unreachable, say)
   * is tried again a little later.
   */
  async function giveBack(runUuid: string, state: RunState | null): Promise<void> {
    if (!held.delete(runUuid)) return;
    if (state && isTerminalRunStatus(state.run.status)) return;
    const wakeAt = state ? wakeTimeOf(state) : null;
    await released(runUuid, wakeAt !== null ? new Date(wakeAt) : state ? null : after(timing.retryAfterMs));
  }

  /** Renews what is held; a run no longer ours has its walk stopped. */
  async function heartbeat(): Promise<void> {
    if (held.size === 0) return;
    const mine = [...held];
    const kept = new Set(await leases.renew(mine, after(timing.leaseMs)));
    for (const uuid of mine) if (!kept.has(uuid) && held.has(uuid)) abandon(uuid);
  }

  return {
    claim,
    giveBack,
    heartbeat,
    /** Holds a run claimed, or whose lease came with its insert (this process created it): renewed until given back. */
    hold: (runUuid: string) => void held.add(runUuid),
    /** Gives a run back at once, held or not (it was never walked here). */
    release: (runUuid: string) => void released(runUuid, null),
    /** Renews on a timer until `stop`. */
    startBeating(): void {
      if (beatTimer) return;
      beatTimer = setInterval(() => void heartbeat().catch((error) => onError?.("(sweep)", error)), timing.heartbeatMs);
      beatTimer.unref?.();
    },
    /**
     * Takes no more claims and waits up to `graceMs` for the walks holding leases (still renewed),
     * then stops those left and gives their runs back, so another process takes them over at once
     * (their current node runs again there with the same Idempotency-Key). Answers how many were
     * handed back.
     */
    async stop(graceMs: number): Promise<number> {
      stopping = true;
      const deadline = Date.now() + graceMs;
      // A claim that comes back now gives its run back itself; a slow one is waited for at most a lease's length.
      const claimsEnd = Date.now() + timing.leaseMs;
      while (claiming > 0 && Date.now() < claimsEnd) await sleep(10);
      while (held.size > 0 && Date.now() < deadline) await sleep(50);
      const left = [...held];
      for (const uuid of left) abandon(uuid);
      // The stopped walks give their leases back as they unwind; whatever is still held after a moment is released here.
      const unwind = Date.now() + 2_000;
      while (held.size > 0 && Date.now() < unwind) await sleep(20);
      clearInterval(beatTimer);
      for (const uuid of [...held]) {
        held.delete(uuid);
        await released(uuid, null);
      }
      return left.length;
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type HeldLeases = ReturnType<typeof createHeldLeases>;
