import { FetchExtractorResponseBody, type ExtractorFetched, type PollingPolicy } from "@/lib/contract";
import { fetchExtractorRequest } from "../../layouts";
import { sleep } from "../../sleep";
import type { CheckCode } from "../codes";
import { contractFindings } from "../contract-findings";
import type { Segment } from "../json-path";
import { probeCall, type CallResult, type ProbeContext } from "./probe-context";

/** Calls one page gets while it answers `fetching`, at most; Relay's own cap is higher, the check's patience lower. */
export const MAX_FETCHING_CALLS = 10;
// Relay's bounds of a poll's wait (lib/engine/limits.ts), the upper one lowered to the check's patience.
const MIN_POLL_WAIT_MS = 100;
const MAX_POLL_WAIT_MS = 1_000;
// Relay's default `fetching.retry` (lib/engine/retry-policy.ts, DEFAULT_EXECUTING_POLICY).
const DEFAULT_INTERVAL_MS = 1_000;
const DEFAULT_BACKOFF = 2;

export type AnsweredCall = Extract<CallResult, { ok: true }>;

/** One page to ask for, and where its findings go. */
export interface PageRequest {
  slug: string;
  capability: Segment[];
  config: Record<string, unknown>;
  fetching: PollingPolicy | undefined;
  /** The model uuid Relay sends with every page of a sync. */
  modelUuid: string;
  meta: unknown;
  page: number;
  /** Numbers the calls across pages, for their paths (`fetch[3]`). */
  nextCall: () => number;
  /** Told of every answer, a `fetching` one included (its columns are checked too). */
  inspect: (answer: FetchExtractorResponseBody, call: AnsweredCall) => void;
  report: (code: CheckCode, path: string, message: string, fix: string, endpoint?: string) => void;
}

/**
 * Fetches one page as a sync does: while the server answers `fetching`, calls again after the
 * extractor's `fetching.retry` wait (between 100 ms and 1 s here) with the meta that answer sent,
 * else the page's, as many times as the policy allows (10 at most). Undefined when no usable
 * `fetched` answer came (already reported).
 */
export async function fetchPage(ctx: ProbeContext, request: PageRequest): Promise<{ answer: ExtractorFetched; call: AnsweredCall } | undefined> {
  const asked = request.fetching?.retry.maximumAttempts;
  // 0 means unlimited (Temporal's terms): the check's patience then.
  const attempts = asked !== undefined && asked >= 1 ? Math.min(asked, MAX_FETCHING_CALLS) : MAX_FETCHING_CALLS;
  let meta = request.meta;
  for (let poll = 0; ; poll++) {
    if (poll > 0) await sleep(Math.min(pollWaitMs(request.fetching, poll), Math.max(0, ctx.deadline - performance.now())));
    const body = fetchExtractorRequest(ctx.layout, ctx.connector, request.slug, request.config, { meta, modelUuid: request.modelUuid });
    const call = await probeCall(ctx, body, { capability: request.capability, call: `fetch[${request.nextCall()}]` });
    if (!call.ok) return undefined;
    const parsed = contractFindings(FetchExtractorResponseBody, call.value, { code: "answer.invalid", pathOf: call.path, subject: "The fetched page", endpoint: call.endpoint });
    ctx.findings.push(...parsed.findings);
    const answer = parsed.data;
    if (!answer) return undefined;
    request.inspect(answer, call);
    if (answer.outcome === "fetched") return { answer, call };
    if (poll + 1 >= attempts) {
      request.report(
        "extractor.still-fetching",
        call.path(["outcome"]),
        `Page ${request.page} still answered fetching after ${attempts} calls; the check stopped waiting there, so the rest of "${request.slug}" was not probed.`,
        "Finish the export sooner, or raise `fetching.retry` so a sync waits long enough.",
        call.endpoint,
      );
      return undefined;
    }
    if (answer.data.kind === "records" && answer.data.meta !== undefined) meta = answer.data.meta;
  }
}

/** The wait before poll `poll` (from 1), as Relay computes it from the policy, within the check's bounds. */
function pollWaitMs(fetching: PollingPolicy | undefined, poll: number): number {
  const interval = fetching?.retry.initialInterval ?? DEFAULT_INTERVAL_MS;
  const backoff = fetching?.retry.backoffCoefficient ?? DEFAULT_BACKOFF;
  return Math.min(MAX_POLL_WAIT_MS, Math.max(MIN_POLL_WAIT_MS, interval * backoff ** (poll - 1)));
}
