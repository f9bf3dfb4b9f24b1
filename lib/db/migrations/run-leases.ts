import type { Migration } from "./migration";

/**
 * Run leases: which process executes a run and until when. A process takes a run with a
 * conditional UPDATE (free, or expired) and renews the expiry by heartbeat; one that dies simply
 * stops renewing, and another takes the run over once the expiry passes. A run parked on a long
 * delay has no owner and an expiry at its wake time, so whichever process is free then takes it.
 */
export function runLeasesMigration(version: number): Migration {
  return {
    version,
    name: "run leases",
    statements: [
      `ALTER TABLE runs ADD COLUMN lease_owner TEXT`,
      `ALTER TABLE runs ADD COLUMN lease_expires_at TEXT`,
      `CREATE INDEX runs_unfinished_lease ON runs (status, lease_expires_at)`,
    ],
  };
}
