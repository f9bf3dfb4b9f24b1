import Papa from "papaparse";
import type { BatchRunRow, StoredBatch } from "@/lib/db/repositories/batches";
import type { Deps } from "../deps-types";
import { AppError } from "../errors";
import { loadBatch } from "./batch-view";

type DownloadDeps = Pick<Deps, "db">;

/** Runs read per page, for the columns and again for the rows: the batch is never whole in memory. */
const PAGE = 500;

/** The columns every row starts with; underscored so an output field of the same name keeps its own. */
const FIXED = ["_record_id", "_record_title", "_run_status", "_error_message"];

/**
 * `GET /orchestration/batches/:uuid/download`: a CSV, one row per record (its current run): its
 * id, title, run status and error, then the output of `outputNodeSlug` (default: the run's
 * output, its end node's variables) flattened into columns, nested keys joined with ".". The runs
 * are read twice, page by page: once for the columns (every key any output has), once for the rows.
 */
export async function downloadBatch(deps: DownloadDeps, workspaceUuid: string, uuid: string, outputNodeSlug?: string): Promise<Response> {
  const batch = await loadBatch(deps, workspaceUuid, uuid);
  const outputOf = outputReader(batch, outputNodeSlug);
  const columns = new Set<string>();
  for await (const runs of pages(deps, batch)) for (const run of runs) for (const key of Object.keys(flatten(outputOf(run)))) columns.add(key);
  const fields = [...FIXED, ...columns];
  const encoder = new TextEncoder();
  const rows = pages(deps, batch);
  let first = true;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await rows.next();
      if (next.done) {
        if (first) controller.enqueue(encoder.encode(`${unparse(fields, [], true)}\r\n`));
        controller.close();
        return;
      }
      const data = next.value.map((run) => {
        const output = flatten(outputOf(run));
        return [run.recordId ?? "", run.recordTitle ?? "", run.status, run.errorMessage ?? "", ...[...columns].map((key) => output[key] ?? "")];
      });
      controller.enqueue(encoder.encode(`${unparse(fields, data, first)}\r\n`));
      first = false;
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  return new Response(stream, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="batch-${batch.uuid}.csv"` },
  });
}

/** RFC 4180 through papaparse; cells that a spreadsheet would run as a formula are quoted with a leading '. */
function unparse(fields: string[], data: unknown[][], header: boolean): string {
  return Papa.unparse({ fields, data }, { header, newline: "\r\n", escapeFormulae: true });
}

function outputReader(batch: StoredBatch, outputNodeSlug: string | undefined): (run: BatchRunRow) => unknown {
  if (outputNodeSlug === undefined) return (run) => run.output;
  const node = batch.nodes.find((candidate) => candidate.slug === outputNodeSlug);
  if (!node) throw new AppError("bad_request:outputNodeSlug", `The batch's graph has no node ${JSON.stringify(outputNodeSlug)}`, { reason: "outputNodeNotFound" });
  return (run) => run.outputs[node.uuid];
}

async function* pages(deps: DownloadDeps, batch: StoredBatch): AsyncGenerator<BatchRunRow[]> {
  let after: BatchRunRow | undefined;
  for (;;) {
    const runs = await deps.db.batches.runs(batch.uuid, { after, limit: PAGE });
    if (runs.length === 0) return;
    yield runs;
    after = runs.at(-1);
  }
}

/**
 * An output as cells by column: objects flattened (`{a: {b: 1}}` → `a.b`), arrays kept whole as
 * JSON (their length varies from run to run), a value that is not an object in an `output` column.
 */
export function flatten(value: unknown, prefix = "", into: Record<string, string | number | boolean> = {}): Record<string, string | number | boolean> {
  if (value === null || value === undefined) return into;
  if (typeof value !== "object" || Array.isArray(value)) {
    into[prefix || "output"] = typeof value === "object" ? JSON.stringify(value) : (value as string | number | boolean);
    return into;
  }
  for (const [key, inner] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (inner !== null && typeof inner === "object" && !Array.isArray(inner)) flatten(inner, path, into);
    // A null still names its column, so a key that is null in every run is not lost.
    else if (inner === null) into[path] = "";
    else if (inner !== undefined) into[path] = typeof inner === "object" ? JSON.stringify(inner) : (inner as string | number | boolean);
  }
  return into;
}
