import { stableStringify, type FetchExtractorResponseBody, type PollingPolicy } from "@/lib/contract";
import { finding, type CheckCode } from "../codes";
import { probePath, type Segment } from "../json-path";
import { columnProblems, columnsKey } from "./extractor-columns";
import { fetchPage, type AnsweredCall } from "./extractor-page";
import type { ProbeContext } from "./probe-context";

/** The most pages one extractor is fetched for; a sync that goes on longer is reported, not followed. */
export const MAX_PAGES = 50;

/** An extractor to page through, with the config a first sync would send. */
export interface PagedExtractor {
  slug: string;
  capability: Segment[];
  config: Record<string, unknown>;
  /** How a sync re-calls a page answered `fetching`. */
  fetching: PollingPolicy | undefined;
  /** From the count endpoint, when it answered. */
  count: number | undefined;
}

/**
 * Pages through an extractor as a first sync does (no meta, then each page's meta sent back)
 * (polling a `fetching` answer, one model uuid throughout) and checks what a sync relies on: columns that hold the id and title, ids unique across
 * pages, a meta whenever `hasMore`, a server that moves on when sent it, an end within
 * MAX_PAGES (or before more records than the count arrived), and a count that matches.
 */
export async function pageThrough(ctx: ProbeContext, extractor: PagedExtractor): Promise<void> {
  const seen = new Map<string, string>();
  const reported = new Set<string>();
  // One finding per fault and extractor: the same overlap on every page is one bug.
  const once = (code: CheckCode, path: string, message: string, fix: string, endpoint?: string) => {
    if (reported.has(code)) return;
    reported.add(code);
    ctx.findings.push(finding(code, path, message, fix, endpoint));
  };
  let meta: unknown;
  let previousIds: string | undefined;
  let previousEmpty = false;
  let firstColumns: string | undefined;
  let announced: { count: number; path: string; endpoint: string } | undefined;
  // Relay sends the uuid of the model a sync fills, the same on every page; the check has no model.
  const modelUuid = crypto.randomUUID();
  let calls = 0;
  const inspect = (page: number) => (answer: FetchExtractorResponseBody, call: AnsweredCall) => {
    for (const found of columnProblems(answer, call.path, call.endpoint)) once(found.code as CheckCode, found.path, found.message, found.fix, found.endpoint);
    firstColumns ??= columnsKey(answer);
    if (columnsKey(answer) !== firstColumns) once("extractor.columns-changed", call.path(["columns"]), `Page ${page} announces other columns than page 0; the model is made from the first.`, "Send the same columns on every page.", call.endpoint);
  };
  for (let page = 0; page < MAX_PAGES; page++) {
    const fetched = await fetchPage(ctx, { ...extractor, modelUuid, meta, page, nextCall: () => calls++, inspect: inspect(page), report: once });
    if (!fetched) return;
    const { answer, call } = fetched;
    if (answer.data.kind === "command") return;
    if (page === 0 && answer.count !== undefined) announced = { count: answer.count, path: call.path(["count"]), endpoint: call.endpoint };
    const { records, hasMore } = answer.data;
    // Without its id column among the columns (reported above) no record can be told apart.
    const identifiable = answer.columns.some((column) => column.slug === answer.idColumnSlug);
    const ids: string[] = [];
    records.forEach(({ action, record }, index) => {
      if (action === "remove" || !identifiable) return;
      const id = record[answer.idColumnSlug];
      const at = call.path(["data", "records", index, "record", answer.idColumnSlug]);
      if (id === undefined || id === null || id === "") {
        once("extractor.record-missing-id", at, `Record ${index} of page ${page} has no "${answer.idColumnSlug}", the id column, so it cannot be stored.`, "Put the id in every record.", call.endpoint);
        return;
      }
      const unknown = Object.keys(record).find((key) => !answer.columns.some((column) => column.slug === key));
      if (unknown) once("extractor.unknown-record-field", call.path(["data", "records", index, "record", unknown]), `Records carry "${unknown}", which is not a column, so it is dropped.`, `Add a "${unknown}" column, or leave it out of the records.`, call.endpoint);
      ids.push(stableStringify(id));
    });
    const pageIds = ids.join("\n");
    if (page > 0 && ids.length > 0 && pageIds === previousIds) {
      once("extractor.meta-ignored", call.path(["data", "records"]), `Page ${page} repeats page ${page - 1} record for record: the server did not act on the meta it was sent back, so a sync never gets past the first page.`, "Read the `meta` of the request (the cursor your previous answer returned) and answer the page after it.", call.endpoint);
      return;
    }
    ids.forEach((id, index) => {
      if (seen.has(id)) once("extractor.duplicate-ids", call.path(["data", "records", index, "record", answer.idColumnSlug]), `The id ${id} comes again on page ${page} (first ${seen.get(id)}): pages overlap, so records are fetched twice and counts are wrong.`, "Make each page start after the last record of the previous one.", call.endpoint);
      else seen.set(id, `page ${page}`);
    });
    if (!hasMore) return identifiable ? compareCounts(ctx, extractor, seen.size, announced) : undefined;
    if (answer.data.meta === undefined) {
      once("extractor.meta-missing", call.path(["data", "meta"]), `Page ${page} says hasMore but sends no meta, so the next call would ask for the first page again.`, "Return a `meta` (a cursor) with every page that has more after it.", call.endpoint);
      return;
    }
    const beyondCount = extractor.count !== undefined && seen.size > extractor.count;
    if (beyondCount || (previousEmpty && records.length === 0)) {
      const why = beyondCount ? `${seen.size} records arrived, more than the ${extractor.count} the count announced` : "two pages in a row were empty";
      once("extractor.paging-unbounded", call.path(["data", "hasMore"]), `Page ${page} still says hasMore, yet ${why}: a sync would never end.`, "Answer hasMore: false on the last page.", call.endpoint);
      return;
    }
    previousIds = pageIds;
    previousEmpty = records.length === 0;
    meta = answer.data.meta;
  }
  once("extractor.paging-capped", probePath(extractor.capability, `fetch[${calls - 1}]`, ["data", "hasMore"]), `hasMore was still true after ${MAX_PAGES} pages (${seen.size} records); the check stopped there.`, "If the data really is this large, this is expected; otherwise answer hasMore: false on the last page.");
}

function compareCounts(ctx: ProbeContext, extractor: PagedExtractor, fetched: number, announced: { count: number; path: string; endpoint: string } | undefined) {
  if (extractor.count !== undefined && extractor.count !== fetched) {
    const endpoint = `POST ${ctx.layout === "seed" ? `/extractors/${extractor.slug}` : "/model"}/count`;
    ctx.findings.push(finding("extractor.count-mismatch", probePath(extractor.capability, "count", ["count"]), `The count endpoint says ${extractor.count} records, but a full fetch returned ${fetched}, so the preview misleads.`, "Count exactly the records a sync with the same config fetches.", endpoint));
  } else if (announced && announced.count !== fetched) {
    ctx.findings.push(finding("extractor.count-mismatch", announced.path, `The first page announces count ${announced.count}, but a full fetch returned ${fetched}, so progress is shown wrong.`, "Send the total the sync will fetch, or leave `count` out.", announced.endpoint));
  }
}
