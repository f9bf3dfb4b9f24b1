/**
 * Leases on runs (the store's side): one process at a time executes a run. The owner is bound by
 * the adapter (one id per process), so the engine only says which run and until when.
 */
export interface RunLeases {
  /** Takes an unfinished run that nobody holds (or whose holder stopped renewing); answers whether it did. */
  claim(runUuid: string, until: Date): Promise<boolean>;
  /** Renews the given leases of unfinished runs; answers the uuids still ours (not taken over, not cancelled). */
  renew(runUuids: readonly string[], until: Date): Promise<string[]>;
  /** Gives a run back; a parked run passes its wake time so nobody takes it before it is due. */
  release(runUuid: string, availableAt: Date | null): Promise<void>;
  /**
   * Unfinished runs nobody holds, oldest first: new ones, parked ones now due, and (`orphaned`)
   * ones whose holder stopped renewing, which a busy worker takes over too.
   */
  listClaimable(limit: number): Promise<Array<{ workspaceUuid: string; uuid: string; orphaned: boolean }>>;
}

export interface LeaseTiming {
  /** How long a lease lasts without renewal: a dead process's runs are taken over after this. */
  leaseMs: number;
  /** How often held leases are renewed (a third of `leaseMs` leaves two missed beats of slack). */
  heartbeatMs: number;
  /** How often a worker looks for runs nobody holds. */
  sweepMs: number;
  /** How long a run whose execution threw (the store was unreachable, say) waits before another try. */
  retryAfterMs: number;
}

export const DEFAULT_LEASE_TIMING: LeaseTiming = { leaseMs: 15_000, heartbeatMs: 5_000, sweepMs: 1_000, retryAfterMs: 5_000 };
