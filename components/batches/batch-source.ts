import { isRecord } from "@/lib/contract/is-record";
import Papa from "papaparse";
import { incompleteCount, type FilterDraft } from "@/components/records/filter/filter-draft";
import type { BatchData, Filter } from "@/lib/contract";

/** Where the records of a batch come from, as the dialog offers them. */
export type SourceKind = "records" | "file" | "segment" | "filter";

export const SOURCE_LABELS: Record<SourceKind, string> = {
  records: "Pasted records",
  file: "CSV file",
  segment: "Segment",
  filter: "Filter",
};

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

type InlineRecord = Record<string, unknown>;


/**
 * Pasted records: a JSON array of objects (or one object), else CSV with a header row (its cells
 * stay text, as an uploaded file's would not: the server infers types only for files).
 */
export function parsePastedRecords(text: string): Parsed<InlineRecord[]> {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, message: "Paste a JSON array of records, or CSV with a header row." };
  if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      return { ok: false, message: `This is not valid JSON: ${(error as Error).message}` };
    }
    const records = Array.isArray(value) ? value : [value];
    const bad = records.findIndex((record) => !isRecord(record));
    if (bad >= 0) return { ok: false, message: `Record ${bad + 1} is not an object: each record is one {…} with its fields.` };
    if (records.length === 0) return { ok: false, message: "The array is empty: there are no records to run on." };
    return { ok: true, value: records as InlineRecord[] };
  }
  const csv = Papa.parse<InlineRecord>(trimmed, { header: true, skipEmptyLines: "greedy" });
  const fields = csv.meta.fields ?? [];
  if (fields.length < 2 && !trimmed.includes("\n")) return { ok: false, message: "This is neither a JSON array nor CSV with a header row and at least one record." };
  const error = csv.errors[0];
  if (error) return { ok: false, message: `CSV row ${(error.row ?? 0) + 2}: ${error.message}` };
  if (csv.data.length === 0) return { ok: false, message: "The CSV has a header row but no records under it." };
  return { ok: true, value: csv.data };
}

/**
 * The filter a batch runs with: the builder's, once its JSON is a valid filter and every condition
 * has its value. The records browser leaves an unfinished condition out; a batch refuses it instead,
 * so it never runs on more records than the operator meant.
 */
export function filterOf(state: FilterDraft): Parsed<Filter> {
  if (state.jsonError) return { ok: false, message: `${state.jsonError}. Correct the filter JSON, or build the filter again.` };
  const incomplete = incompleteCount(state.draft);
  if (incomplete > 0) {
    const which = incomplete === 1 ? "A condition has" : `${incomplete} conditions have`;
    return { ok: false, message: `${which} no value yet: fill it in or remove it.` };
  }
  return { ok: true, value: state.draft };
}

/** An optional positive whole number typed in a field; empty is "no limit". */
export function parseLimit(text: string): Parsed<number | undefined> {
  if (!text.trim()) return { ok: true, value: undefined };
  const value = Number(text);
  return Number.isInteger(value) && value >= 1 ? { ok: true, value } : { ok: false, message: "The limit is a whole number, 1 or more." };
}

/** What the dialog holds, by source; the `data` of the batch once every part of it is good. */
export interface SourceDraft {
  kind: SourceKind;
  pasted: string;
  fileUuid: string | null;
  modelUuid: string;
  segmentUuid: string;
  filter: FilterDraft;
  limitText: string;
}

export type DraftErrors = Partial<Record<"pasted" | "file" | "model" | "segment" | "filter" | "limit", string>>;

/** The batch's `data` for a draft, or the message of each field that stops it. */
export function batchDataOf(draft: SourceDraft): { data: BatchData } | { errors: DraftErrors } {
  switch (draft.kind) {
    case "records": {
      const records = parsePastedRecords(draft.pasted);
      return records.ok ? { data: { kind: "records", records: records.value } } : { errors: { pasted: records.message } };
    }
    case "file":
      return draft.fileUuid ? { data: { kind: "file", fileUuid: draft.fileUuid } } : { errors: { file: "Choose a CSV file; it is uploaded before the batch starts." } };
    case "segment":
      // A segment given by the URL is enough: its model is shown, but the batch needs only the segment.
      if (draft.segmentUuid) return { data: { kind: "segment", segmentUuid: draft.segmentUuid } };
      return { errors: draft.modelUuid ? { segment: "Choose a segment." } : { model: "Choose a model." } };
    case "filter": {
      const errors: DraftErrors = {};
      if (!draft.modelUuid) errors.model = "Choose a model.";
      const filter = filterOf(draft.filter);
      if (!filter.ok) errors.filter = filter.message;
      const limit = parseLimit(draft.limitText);
      if (!limit.ok) errors.limit = limit.message;
      if (!filter.ok || !limit.ok || errors.model) return { errors };
      return { data: { kind: "filter", modelUuid: draft.modelUuid, filter: filter.value, ...(limit.value !== undefined && { limit: limit.value }) } };
    }
  }
}
