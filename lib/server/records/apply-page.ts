import { stableStringify, type ExtractorRecord, type Segment, type SegmentChange } from "@/lib/contract";
import { postgresSafe, type RecordWrite, type Repositories, type StoredModel } from "@/lib/db";

/** What one page did to the model. */
export interface PageCounts {
  added: number;
  updated: number;
  removed: number;
  /** Records without a value in the id column, left out. */
  skipped: number;
}

type Data = Record<string, unknown>;

/**
 * Applies one page of an extractor's record operations to a model, inside the caller's
 * transaction, and notes what changed in each of the model's segments.
 * - `insert` and `upsert` write the record; `override: false` merges its non-null fields into the
 *   stored row, anything else (`true`, or absent as in Cargo's examples) replaces it.
 * - `update` does the same to a record that exists, and nothing otherwise.
 * - `remove` deletes by the id column.
 * A record whose content did not change counts as nothing, so a second full sync of unchanged
 * data adds and updates nothing.
 */
export async function applyPage(
  tx: Repositories,
  model: StoredModel,
  operations: readonly ExtractorRecord[],
  { syncUuid, segments, now = new Date() }: { syncUuid: string; segments: readonly Segment[]; now?: Date },
): Promise<PageCounts> {
  const counts: PageCounts = { added: 0, updated: 0, removed: 0, skipped: 0 };
  const idOf = (record: Data) => {
    const id = record[model.idColumnSlug];
    return id === undefined || id === null || id === "" ? null : postgresSafe(String(id));
  };
  const ids = [...new Set(operations.map((op) => idOf(op.record)).filter((id): id is string => id !== null))];
  const stored = await tx.modelRecords.getMany(model.uuid, ids);
  const before = await memberships(tx, model, segments, ids, now);

  // The final state of each touched record: data, or null once removed.
  const final = new Map<string, Data | null>();
  for (const op of operations) {
    const id = idOf(op.record);
    if (id === null) {
      counts.skipped++;
      continue;
    }
    const current = final.has(id) ? final.get(id)! : (stored.get(id) ?? null);
    if (op.action === "remove") final.set(id, null);
    else if (op.action === "update" && current === null) continue;
    else final.set(id, postgresSafe(op.override === false && current ? mergeNonNull(current, op.record) : { ...op.record }));
  }

  const writes: RecordWrite[] = [];
  const removals: string[] = [];
  const changed = new Set<string>();
  for (const [id, data] of final) {
    const old = stored.get(id);
    if (data === null) {
      if (old) removals.push(id);
      continue;
    }
    if (old && stableStringify(old) === stableStringify(data)) continue;
    changed.add(id);
    if (old) counts.updated++;
    else counts.added++;
    writes.push({ id, title: titleOf(data, model.titleColumnSlug, id), data });
  }
  await tx.modelRecords.put(model.uuid, writes, now.toISOString());
  counts.removed = await tx.modelRecords.remove(model.uuid, removals);

  const after = await memberships(tx, model, segments, ids, now);
  for (const segment of segments) {
    const was = before.get(segment.uuid);
    const is = after.get(segment.uuid);
    if (!was || !is) continue;
    const changes: Array<{ recordId: string; kind: SegmentChange["kind"] }> = [];
    for (const id of ids) {
      if (is.has(id) && !was.has(id)) changes.push({ recordId: id, kind: "added" });
      else if (was.has(id) && !is.has(id)) changes.push({ recordId: id, kind: "removed" });
      else if (is.has(id) && changed.has(id)) changes.push({ recordId: id, kind: "updated" });
    }
    await tx.segments.addChanges(syncUuid, segment.uuid, changes);
  }
  return counts;
}

/** Which of `ids` each segment holds; a segment whose filter no longer fits the columns is left out. */
async function memberships(tx: Repositories, model: StoredModel, segments: readonly Segment[], ids: readonly string[], now: Date) {
  const found = new Map<string, Set<string>>();
  for (const segment of segments) {
    try {
      found.set(segment.uuid, await tx.modelRecords.matching(model, segment.filter, ids, now));
    } catch (error) {
      console.warn(`[records] segment ${segment.uuid} skipped: ${(error as Error).message}`);
    }
  }
  return found;
}

function mergeNonNull(current: Data, incoming: Data): Data {
  const merged = { ...current };
  for (const [key, value] of Object.entries(incoming)) if (value !== null && value !== undefined) merged[key] = value;
  return merged;
}

/** The title column's value as text, or the id when it has none. */
export function titleOf(data: Data, titleColumnSlug: string, id: string): string {
  const title = data[titleColumnSlug];
  if (title === undefined || title === null || title === "") return id;
  return typeof title === "string" ? title : JSON.stringify(title);
}
