import type { Migration } from "./migration";

/**
 * Indexes for the reads of records and batches that would otherwise scan and sort: a segment's
 * changes newest first (their primary key starts with the sync), and a batch's runs in creation
 * order, page by page (download, retry, metrics).
 */
export function recordIndexesMigration(version: number): Migration {
  return {
    version,
    name: "indexes for segment changes and batch runs",
    statements: [
      `CREATE INDEX segment_changes_segment ON segment_changes (segment_uuid, created_at)`,
      `CREATE INDEX runs_batch_created ON runs (batch_uuid, created_at, uuid)`,
    ],
  };
}
