import type { Finding } from "./types";

type Severity = Finding["severity"];

/**
 * Every check's code and its one severity, so a code always means the same weight: `error` =
 * an operator's form, run or sync will fail; `warning` = it works but badly or not as meant;
 * `info` = worth knowing. README.md describes each.
 */
export const CHECK_CODES = {
  // Calls (the manifest fetch and every probe)
  "endpoint.unreachable": "error",
  "endpoint.timeout": "error",
  "endpoint.server-error": "error",
  "endpoint.refused": "error",
  "endpoint.not-found": "error",
  "endpoint.not-json": "error",
  "endpoint.too-large": "error",
  "endpoint.redirect": "error",
  "endpoint.rate-limited": "warning",
  "answer.invalid": "error",
  // The manifest
  "manifest.invalid": "error",
  "manifest.duplicate-slug": "error",
  "ref.unresolved": "error",
  "ref.external": "error",
  "ref.expression-undefined": "warning",
  "schema.invalid": "error",
  "ui.unknown-widget": "error",
  "ui.widget-type-mismatch": "error",
  "ui.unknown-property": "warning",
  "ui.missing-slug": "error",
  "autocomplete.unknown-slug": "error",
  "autocomplete.unused": "info",
  "dynamic-schema.unknown-slug": "error",
  "params.past-root": "error",
  "params.malformed": "error",
  "params.missing-field": "error",
  "params.missing-required": "error",
  "retry.unlimited": "warning",
  "retry.no-interval": "warning",
  "retry.interval-too-short": "warning",
  "retry.interval-too-long": "warning",
  "retry.too-many-attempts": "warning",
  "retry.backoff-too-large": "warning",
  "rate-limit.too-high": "warning",
  "rate-limit.scoped-schema-invalid": "warning",
  "model.unknown-condition-slug": "error",
  "model.unreachable-variant": "warning",
  "action.no-children": "warning",
  // Probes
  "authenticate.refused": "error",
  "autocomplete.duplicate-values": "warning",
  "users.list-missing": "warning",
  "users.duplicate-ids": "warning",
  "extractor.id-column-missing": "error",
  "extractor.title-column-missing": "error",
  "extractor.time-column-missing": "error",
  "extractor.duplicate-columns": "error",
  "extractor.columns-changed": "warning",
  "extractor.record-missing-id": "error",
  "extractor.unknown-record-field": "warning",
  "extractor.duplicate-ids": "error",
  "extractor.meta-missing": "error",
  "extractor.meta-ignored": "error",
  "extractor.paging-unbounded": "error",
  "extractor.paging-capped": "warning",
  "extractor.still-fetching": "warning",
  "extractor.count-mismatch": "error",
  "extractor.count-missing": "error",
  "execute.unknown-action": "error",
  "execute.not-run": "error",
  "execute.not-idempotent": "error",
  "execute.still-executing": "warning",
  "probe.skipped": "info",
  "probe.time-budget": "warning",
} as const satisfies Record<string, Severity>;

export type CheckCode = keyof typeof CHECK_CODES;

/** Builds a finding; the severity comes from the code. */
export function finding(code: CheckCode, path: string, message: string, fix: string, endpoint?: string): Finding {
  return { severity: CHECK_CODES[code], code, path, message, fix, ...(endpoint && { endpoint }) };
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then infos; the order they were found in within each. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

/** Counts by severity. */
export function summarize(findings: readonly Finding[]) {
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  return { errors: count("error"), warnings: count("warning"), infos: count("info") };
}
