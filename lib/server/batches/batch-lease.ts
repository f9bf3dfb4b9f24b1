import { randomUUID } from "node:crypto";
import type { Database } from "@/lib/db";
import type { BatchLeaseGrant, BatchLeaseTask } from "@/lib/db/repositories/batch-leases";

/**
 * How long a `pending` batch stays with the process creating its runs without a renewal: the
 * longest a dead creator's batch waits before a worker's sweep resumes it.
 */
export const BATCH_LEASE_MS = 30_000;

/** A lease this process holds on a `pending` batch while it creates (or retries) its runs. */
export interface BatchLease {
  /** The holder's id, for fenced writes (`transition(…, { heldBy })`). */
  holder: string;
  /** Renews now; false once the batch was cancelled, ended or taken over (then the holder stops). */
  renew(): Promise<boolean>;
  /** Stops the heartbeat; with `release`, frees the lease so a worker resumes the batch at once. */
  stop(options?: { release?: boolean }): Promise<void>;
}

/**
 * A holder id for one holding: the process's owner id and a random part. Two holdings of one
 * process (a request creating a batch, and a sweep that took it over after a stall) thus never
 * pass for each other.
 */
export function batchLeaseHolder(owner: string): string {
  return `${owner}/${randomUUID().slice(0, 8)}`;
}

/** A new lease to give with the write that makes a batch `pending`. */
export function batchLeaseGrant(owner: string, task: BatchLeaseTask, leaseMs = BATCH_LEASE_MS): BatchLeaseGrant {
  return { holder: batchLeaseHolder(owner), expiresAt: new Date(Date.now() + leaseMs), task };
}

/**
 * Keeps a lease already taken: renewed between chunks by the holder, and by a heartbeat every
 * third of the lease so that one slow chunk (a large page of a model, a busy database) does not
 * let it run out under a holder that is alive.
 */
export function holdBatchLease(db: Pick<Database, "batchLeases">, batchUuid: string, holder: string, leaseMs = BATCH_LEASE_MS): BatchLease {
  let held = true;
  const renew = async () => {
    if (!held) return false;
    held = await db.batchLeases.renew(batchUuid, holder, new Date(Date.now() + leaseMs));
    return held;
  };
  const heartbeat = setInterval(() => void renew().catch(() => undefined), Math.max(1_000, Math.floor(leaseMs / 3)));
  heartbeat.unref?.();
  return {
    holder,
    renew,
    async stop({ release = false } = {}) {
      clearInterval(heartbeat);
      if (release && held) await db.batchLeases.release(batchUuid, holder);
      held = false;
    },
  };
}
