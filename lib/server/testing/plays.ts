import type { Batch, Filter, ModelSync } from "@/lib/contract";
import { DEFAULT_WORKSPACE_UUID } from "@/lib/db";
import type { Deps } from "../deps-types";
import { listBatches, getBatch } from "../batches";
import { listSyncs } from "../records/models";
import { fetchRecords } from "../records/segments";

const ws = DEFAULT_WORKSPACE_UUID;

/** The model's records as stored, by id. */
export async function storedCompanies(deps: Deps, modelUuid: string) {
  const { records } = await fetchRecords(deps, ws, { modelUuid, filter: { conjonction: "and", groups: [] }, sort: [{ columnSlug: "id", kind: "asc" }], limit: 1000, offset: 0 });
  return records;
}

/** The model's latest sync once it has ended. */
export async function syncEnded(deps: Deps, modelUuid: string, timeoutMs = 20_000): Promise<ModelSync> {
  for (const deadline = Date.now() + timeoutMs; ; await new Promise((resolve) => setTimeout(resolve, 25))) {
    const [latest] = await listSyncs(deps, ws, modelUuid);
    if (latest && latest.status !== "pending" && latest.status !== "running") return latest;
    if (Date.now() > deadline) throw new Error(`sync still ${latest?.status} after ${timeoutMs} ms`);
  }
}

/** The workflow's batches once every one has ended (after `settleMs` with none started, none). */
export async function endedBatches(deps: Deps, workflowUuid: string, { settleMs = 300, timeoutMs = 30_000 } = {}): Promise<Batch[]> {
  const deadline = Date.now() + timeoutMs;
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  for (;;) {
    const batches = await Promise.all((await listBatches(deps, ws, { workflowUuid, statuses: undefined, limit: 50 })).map((batch) => getBatch(deps, ws, batch.uuid)));
    if (batches.every((batch) => batch.status !== "pending" && batch.status !== "running")) return batches;
    if (Date.now() > deadline) throw new Error(`batches still running: ${JSON.stringify(batches.map((batch) => batch.status))}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every run of a batch straight from the store: record id and status, sorted by record id. */
export async function batchRuns(deps: Deps, batchUuid: string) {
  const rows = await deps.db.client.all<{ record_id: string; status: string; data_json: string }>(
    "SELECT record_id, status, data_json FROM runs WHERE batch_uuid = ? ORDER BY record_id",
    [batchUuid],
  );
  return rows.map((row) => ({ recordId: row.record_id, status: row.status, data: JSON.parse(row.data_json) as Record<string, unknown> }));
}

/** Companies whose country is `country`. */
export const countryIs = (country: string): Filter => ({
  conjonction: "and",
  groups: [{ conjonction: "and", conditions: [{ kind: "string", columnSlug: "country", operator: "is", values: country }] }],
});
