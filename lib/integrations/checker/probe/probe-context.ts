import type { RateLimit } from "@/lib/contract";
import { joinUrl } from "../../fetch-manifest";
import type { ConnectorRef, IntegrationRequest } from "../../layouts";
import { createRateLimiter, type RateLimiter } from "../../rate-limiter";
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
  limiter: RateLimiter;
  findings: Finding[];
  /** Set once the budget ran out (reported once). */
  outOfTime: boolean;
}

export function createProbeContext(options: Omit<ProbeContext, "limiter" | "findings" | "outOfTime" | "deadline" | "budgetMs"> & { budgetMs?: number }): ProbeContext {
  const { budgetMs = CHECK_BUDGET_MS, ...rest } = options;
  return { ...rest, budgetMs, deadline: performance.now() + budgetMs, limiter: createRateLimiter(), findings: [], outOfTime: false };
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
 * JSON); the caller judges a JSON answer. One HTTP 429 is waited out (up to 5 s), a second reported.
 */
export async function probeCall(ctx: ProbeContext, request: IntegrationRequest, site: CallSite): Promise<CallResult> {
  const endpoint = `POST ${request.path}`;
  const where = probePath(site.capability, site.call);
  const report = (code: Parameters<typeof finding>[0], message: string, fix: string) => {
    ctx.findings.push(finding(code, where, message, fix, endpoint));
    return { ok: false as const, notImplemented: false };
  };
  for (let attempt = 0; ; attempt++) {
    const left = ctx.deadline - performance.now();
    if (left <= 0) return outOfTime(ctx, where, endpoint);
    const sent = await ctx.limiter.acquire(ctx.connector.uuid, ctx.rateLimit);
    const answer = await send(ctx.fetch, joinUrl(ctx.baseUrl, request.path), { method: "POST", body: request.body, headers: site.headers }, Math.min(ctx.timeoutMs, left));
    sent();
    if ("failure" in answer) {
      if (answer.failure === "timeout") return report("endpoint.timeout", `${endpoint} did not answer in time (${answer.detail}); the operator's call would fail the same way.`, "Answer within a few seconds; start long work in the background and answer `executing`/`fetching`.");
      if (answer.failure === "too-large") return report("endpoint.too-large", `${endpoint}: ${answer.detail}.`, "Page the data: answer less per call.");
      return report("endpoint.unreachable", `Could not reach ${endpoint}: ${answer.detail}.`, "Check that the server is running and reachable from Relay at this base URL.");
    }
    if (answer.status === 429 && attempt === 0) {
      const waitMs = retryAfterMs(answer.headers.get("retry-after"));
      if (waitMs <= MAX_RETRY_AFTER_MS && waitMs < ctx.deadline - performance.now()) {
        await new Promise((resolve) => setTimeout(resolve, waitMs));
        continue;
      }
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

function outOfTime(ctx: ProbeContext, where: string, endpoint: string): CallResult {
  if (!ctx.outOfTime) {
    ctx.outOfTime = true;
    ctx.findings.push(finding("probe.time-budget", where, `The check ran out of time (${ctx.budgetMs / 1000} s) before ${endpoint}; what follows was not probed.`, "Make the endpoints answer faster, or check again with fewer pages."));
  }
  return { ok: false, notImplemented: false };
}

