import { isRecord } from "@/lib/contract/is-record";
import { RATE_LIMIT_UNIT_MS } from "../../rate-limiter";
import { scopeSchemaCompiles } from "../../scoped-rate-limits";
import { finding } from "../codes";
import { jsonPath } from "../json-path";
import type { Finding } from "../types";
import type { PolicyPart } from "./manifest-parts";

/** Faster than this per second is no limit at all for an HTTP server, and likely a unit mistake. */
export const MAX_SANE_RATE_PER_SECOND = 1_000;
/** Relay waits at least this long between two calls of a node, whatever the policy says. */
const MIN_INTERVAL_MS = 100;
const MAX_INTERVAL_MS = 5 * 60_000;
const MAX_SANE_ATTEMPTS = 100;
const MAX_SANE_BACKOFF = 10;

/**
 * Retry policies and rate limits that pass the contract's types but make no sense: an unlimited
 * or zero-interval retry hammers the server, intervals are milliseconds (a `5` meant seconds),
 * and a limit no HTTP server sustains is no limit.
 */
export function lintPolicy(policy: PolicyPart): Finding[] {
  return policy.kind === "retry" ? retryProblems(policy) : rateLimitProblems(policy);
}

function retryProblems({ path, value }: PolicyPart): Finding[] {
  const findings: Finding[] = [];
  const at = (key: string) => jsonPath([...path, key]);
  const { maximumAttempts: attempts, initialInterval: interval, backoffCoefficient: backoff } = value;
  if (attempts === 0) {
    findings.push(finding("retry.unlimited", at("maximumAttempts"), "maximumAttempts 0 means unlimited attempts: Cargo retries forever, Relay stops at its own cap.", "Set maximumAttempts to the most attempts that make sense, e.g. 5."));
  } else if (typeof attempts === "number" && attempts > MAX_SANE_ATTEMPTS) {
    findings.push(finding("retry.too-many-attempts", at("maximumAttempts"), `maximumAttempts ${attempts} keeps a failing call going for a very long time; Relay caps it.`, `Use at most ${MAX_SANE_ATTEMPTS}, usually under 10.`));
  }
  if (interval === 0 && attempts !== 1) {
    findings.push(finding("retry.no-interval", at("initialInterval"), "initialInterval 0 retries at once, hammering a server that just failed; Relay waits 100 ms anyway.", "Set initialInterval in milliseconds, e.g. 1000."));
  } else if (typeof interval === "number" && interval > 0 && interval < MIN_INTERVAL_MS) {
    findings.push(finding("retry.interval-too-short", at("initialInterval"), `initialInterval ${interval} is ${interval} milliseconds; Relay waits at least ${MIN_INTERVAL_MS} ms.`, `Intervals are milliseconds: write ${interval * 1000} for ${interval} seconds.`));
  } else if (typeof interval === "number" && interval > MAX_INTERVAL_MS) {
    findings.push(finding("retry.interval-too-long", at("initialInterval"), `initialInterval ${interval} ms is over 5 minutes; Relay waits 5 minutes at most.`, "Intervals are milliseconds: use at most 300000."));
  }
  if (typeof backoff === "number" && backoff > MAX_SANE_BACKOFF) {
    findings.push(finding("retry.backoff-too-large", at("backoffCoefficient"), `backoffCoefficient ${backoff} multiplies each wait by ${backoff}: the third retry already waits minutes.`, "Use a coefficient between 1 and 3."));
  }
  return findings;
}

function rateLimitProblems({ path, value, kind }: PolicyPart): Finding[] {
  const findings: Finding[] = [];
  const unitMs = typeof value.unit === "string" && Object.hasOwn(RATE_LIMIT_UNIT_MS, value.unit) ? RATE_LIMIT_UNIT_MS[value.unit as keyof typeof RATE_LIMIT_UNIT_MS] : undefined;
  if (unitMs && typeof value.max === "number" && (value.max * 1000) / unitMs > MAX_SANE_RATE_PER_SECOND) {
    findings.push(
      finding("rate-limit.too-high", jsonPath([...path, "max"]), `${value.max} calls per ${value.unit} is more than ${MAX_SANE_RATE_PER_SECOND} a second: it limits nothing, so the server meets every burst.`, "Declare the rate the server really sustains (check the unit), or leave the limit out."),
    );
  }
  const schema = kind === "scopedRateLimit" && isRecord(value.config) ? value.config.jsonSchema : undefined;
  // Judged as the client judges it (scoped-rate-limits.ts), so the finding says what Relay does.
  if (isRecord(schema) && !scopeSchemaCompiles(schema)) {
    findings.push(
      finding("rate-limit.scoped-schema-invalid", jsonPath([...path, "config", "jsonSchema"]), "This limit's JSON Schema does not compile, so Relay applies the limit to every call of the action or extractor.", "Fix the schema so it selects the configs the limit is for."),
    );
  }
  return findings;
}
