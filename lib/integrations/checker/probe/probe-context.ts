import type { RateLimit } from "@/lib/contract";
import { joinUrl } from "../../fetch-manifest";
import type { ConnectorRef, IntegrationRequest } from "../../layouts";
import { createRateLimiter, type RateLimiter, type RateLimitSent } from "../../rate-limiter";
import { retryAfterMs } from "../../retry-after";
import { finding } from "../codes";
import { probePath, type Segment } from "../json-path";
import type { Finding } from "../types";
import { send, type RawAnswer } from "./transport";

/** The longest a whole check may take; what is left unprobed then is reported. */
export const CHECK_BUDGET_MS = 60_000;

/** What every probe shares: where to call, with what, and where findings go. */
export interface ProbeContext {
  baseUrl: string;
  layout: "seed" | "legacy";
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  /** `performance.now()` past which nothing more is called. */
  deadline: number;
  budgetMs: number;
  connector: ConnectorRef;
  rateLimit: RateLimit | undefined;
  /** Whose buckets the calls wait on: the registry's in the API (shared with production calls), else the check's own. */
  limiter: RateLimiter;
  /** Removes the config's secrets from an answer's text before anything reads or quotes it. */
  redact: (text: string) => string;
  findings: Finding[];
  /** Set once the budget ran out (reported once). */
  outOfTime: boolean;
}

type ProbeContextOptions = Omit<ProbeContext, "limiter" | "redact" | "findings" | "outOfTime" | "deadline" | "budgetMs"> & Partial<Pick<ProbeContext, "limiter" | "redact" | "budgetMs">>;

export function createProbeContext({ budgetMs = CHECK_BUDGET_MS, limiter = createRateLimiter(), redact = (text) => text, ...rest }: ProbeContextOptions): ProbeContext {
  return { ...rest, budgetMs, limiter, redact, deadline: performance.now() + budgetMs, findings: [], outOfTime: false };
}

/** Where a call belongs in the report: its capability (manifest path or endpoint name) and the call's name. */
export interface CallSite {
  capability: readonly Segment[] | string;
  call: string;
  /** An optional endpoint: 404, 405 or 501 mean "not implemented", not a fault. */
  optional?: boolean;
  headers?: Record<string, string>;
}

export type CallResult = { ok: true; value: unknown; path: (inAnswer?: Segment[]) => string; endpoint: string } | { ok: false; notImplemented: boolean };

const NOT_IMPLEMENTED = new Set([404, 405, 501]);
const MAX_RETRY_AFTER_MS = 5_000;

/**
 * Makes one probe call under the manifest's connector rate limit and the check's time budget,
 * and reports what went wrong with the call itself (no answer, a redirect, an HTTP error, not
 * JSON); the caller judges a JSON answer. Waiting for a rate-limit token ends at the deadline (a
 * limit of one call an hour would otherwise hold the check for an hour). Every HTTP 429 pauses
 * the connector's bucket, as the client does; one is waited out (up to 5 s), a second reported.
 */
export async function probeCall(ctx: ProbeContext, request: IntegrationRequest, site: CallSite): Promise<CallResult> {
  const endpoint = `POST ${request.path}`;
  const where = probePath(site.capability, site.call);
  const report = (code: Parameters<typeof finding>[0], message: string, fix: string) => {
    ctx.findings.push(finding(code, where, message, fix, endpoint));
    return { ok: false as const, notImplemented: false };
  };
  for (let attempt = 0; ; attempt++) {
    if (ctx.deadline - performance.now() <= 0) return outOfTime(ctx, where, endpoint);
    const sent = await acquireBeforeDeadline(ctx);
    // AbortSignal.timeout (in send) takes whole milliseconds only.
    const left = Math.floor(ctx.deadline - performance.now());
    if (!sent || left <= 0) {
      sent?.();
      return outOfTime(ctx, where, endpoint, " waiting for a call allowed by the connector's rate limit");
    }
    const answer = await send(ctx.fetch, joinUrl(ctx.baseUrl, request.path), { method: "POST", body: request.body, headers: site.headers }, Math.min(ctx.timeoutMs, left), ctx.redact);
    sent();
    if ("failure" in answer) {
      if (answer.failure === "timeout") return report("endpoint.timeout", `${endpoint} did not answer in time (${answer.detail}); the operator's call would fail the same way.`, "Answer within a few seconds; start long work in the background and answer `executing`/`fetching`.");
      if (answer.failure === "too-large") return report("endpoint.too-large", `${endpoint}: ${answer.detail}.`, "Page the data: answer less per call.");
      return report("endpoint.unreachable", `Could not reach ${endpoint}: ${answer.detail}.`, "Check that the server is running and reachable from Relay at this base URL.");
    }
    if (answer.status === 429) {
      const waitMs = retryAfterMs(answer.headers.get("retry-after"));
      // The next acquire waits the pause out; with the registry's limiter, production calls do too.
      ctx.limiter.pause(ctx.connector.uuid, waitMs);
      if (attempt === 0 && waitMs <= MAX_RETRY_AFTER_MS && waitMs < ctx.deadline - performance.now()) continue;
    }
    return judge(ctx, answer, site, endpoint, where, report);
  }
}

function judge(ctx: ProbeContext, answer: RawAnswer, site: CallSite, endpoint: string, where: string, report: (code: Parameters<typeof finding>[0], message: string, fix: string) => CallResult): CallResult {
  const { status } = answer;
  const said = answer.json.ok && typeof (answer.json.value as { errorMessage?: unknown } | null)?.errorMessage === "string" ? `: "${(answer.json.value as { errorMessage: string }).errorMessage}"` : "";
  if (status >= 300 && status < 400) return report("endpoint.redirect", `${endpoint} answered a redirect (HTTP ${status}); Relay does not follow redirects to integration servers.`, "Answer at the registered base URL itself, or register the URL the redirect points to.");
  if (NOT_IMPLEMENTED.has(status)) {
    if (site.optional) return { ok: false, notImplemented: true };
    return report("endpoint.not-found", `${endpoint} answered HTTP ${status}${said}, but the manifest declares it.`, `Serve ${endpoint}${ctx.layout === "legacy" ? " (the legacy layout's path)" : ""}, or remove the declaration from the manifest.`);
  }
  if (status === 429) return report("endpoint.rate-limited", `${endpoint} kept answering HTTP 429 (too many requests)${said}.`, "Declare the rate the server sustains in `connector.rateLimit`, and send Retry-After.");
  if (status >= 500) return report("endpoint.server-error", `${endpoint} failed with HTTP ${status}${said}.`, "Fix the server error (see its logs); answer expected failures with a 4xx and an errorMessage.");
  if (status >= 400) return report("endpoint.refused", `${endpoint} refused the call with HTTP ${status}${said}.`, "Check the connector config used for the check; if it is right, the server should accept this call.");
  if (!answer.json.ok) {
    const excerpt = answer.excerpt.trim() ? ` (it began ${JSON.stringify(answer.excerpt.trim().slice(0, 60))})` : " (it was empty)";
    return report("endpoint.not-json", `${endpoint} answered HTTP ${status} with something that is not JSON${excerpt}.`, "Answer with a JSON body and `Content-Type: application/json`.");
  }
  return { ok: true, value: answer.json.value, endpoint, path: (inAnswer = []) => probePath(site.capability, site.call, inAnswer) };
}

/** A rate-limit token, or undefined when none comes before the check's deadline. */
async function acquireBeforeDeadline(ctx: ProbeContext): Promise<RateLimitSent | undefined> {
  try {
    return await ctx.limiter.acquire(ctx.connector.uuid, ctx.rateLimit, AbortSignal.timeout(Math.max(1, Math.ceil(ctx.deadline - performance.now()))));
  } catch {
    return undefined;
  }
}

function outOfTime(ctx: ProbeContext, where: string, endpoint: string, waiting = ""): CallResult {
  if (!ctx.outOfTime) {
    ctx.outOfTime = true;
    const fix = waiting ? "Check when the connector's rate limit has room again, or declare the rate the server really sustains." : "Make the endpoints answer faster, or check again with fewer pages.";
    ctx.findings.push(finding("probe.time-budget", where, `The check ran out of time (${ctx.budgetMs / 1000} s)${waiting} before ${endpoint}; what follows was not probed.`, fix));
  }
  return { ok: false, notImplemented: false };
}

