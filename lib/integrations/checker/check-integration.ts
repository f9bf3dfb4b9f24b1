import { joinUrl } from "../fetch-manifest";
import { defaultOutboundFetch } from "../outbound";
import { finding, sortFindings, summarize } from "./codes";
import { lintManifestDetailed } from "./lint/lint-manifest";
import { createProbeContext } from "./probe/probe-context";
import { runProbes } from "./probe/run-probes";
import { fetchThrough, send } from "./probe/transport";
import type { CheckOptions, CheckReport, Finding } from "./types";

/** Each call's limit when the caller sets none. */
export const DEFAULT_CHECK_TIMEOUT_MS = 10_000;

/**
 * Checks an integration server against the contract: reads `GET /manifest` and lints it; with a
 * connector config, also calls its endpoints (authenticate, autocompletes, dynamic schemas,
 * listUsers, extractors' count and pages) and, only when asked, executes an action twice with
 * one Idempotency-Key. Bounded: 50 pages per extractor, 60 s in all (rate-limit waits included).
 * @example const report = await checkIntegration({ baseUrl: "http://localhost:3000", config: { apiKey: "…" }, fetch });
 */
export async function checkIntegration(options: CheckOptions): Promise<CheckReport> {
  const baseUrl = options.baseUrl.trim().replace(/\/+$/, "");
  const fetchImpl = options.fetch ?? fetchThrough(defaultOutboundFetch());
  const timeoutMs = options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const redact = options.redact ?? ((text: string) => text);
  const report = (layout: CheckReport["layout"], probed: boolean, findings: Finding[]): CheckReport => {
    const sorted = sortFindings(findings.map((found) => ({ ...found, message: redact(found.message), fix: redact(found.fix), path: redact(found.path) })));
    return { baseUrl, layout, probed, findings: sorted, summary: summarize(sorted) };
  };
  const manifest = await readManifest(fetchImpl, baseUrl, timeoutMs, redact);
  if ("findings" in manifest) return report(null, false, manifest.findings);
  const lint = lintManifestDetailed(manifest.value);
  const findings: Finding[] = [...lint.findings];
  if (!options.config) {
    if (options.action) findings.push(finding("execute.not-run", "actions", `The action "${options.action.slug}" you asked to execute was not called: executing needs a connector config.`, "Give a connector config to run the action."));
    return report(lint.layout, false, findings);
  }
  if (!lint.fetched) {
    findings.push(finding("probe.skipped", "$", "No endpoint was called: the manifest does not follow the contract, so Relay could not use it either.", "Fix the manifest errors above, then check again."));
    return report(lint.layout, false, findings);
  }
  const ctx = createProbeContext({
    baseUrl,
    layout: lint.layout,
    fetch: fetchImpl,
    timeoutMs,
    connector: { ...(options.connector ?? { uuid: crypto.randomUUID(), workspaceUuid: crypto.randomUUID() }), config: options.config },
    rateLimit: lint.fetched.manifest.connector.rateLimit,
    limiter: options.limiter,
    redact,
    budgetMs: options.budgetMs,
  });
  await runProbes(ctx, lint.fetched, lint.parts, options.action);
  return report(lint.layout, true, [...findings, ...ctx.findings]);
}

async function readManifest(fetchImpl: typeof globalThis.fetch, baseUrl: string, timeoutMs: number, redact: (text: string) => string): Promise<{ value: unknown } | { findings: Finding[] }> {
  const endpoint = "GET /manifest";
  const fail = (code: Parameters<typeof finding>[0], message: string, fix: string) => ({ findings: [finding(code, "$", message, fix, endpoint)] });
  let url: string;
  try {
    url = new URL(joinUrl(baseUrl, "/manifest")).href;
  } catch {
    return fail("endpoint.unreachable", `"${baseUrl}" is not a URL.`, "Give the server's base URL, e.g. https://integrations.example.com.");
  }
  const answer = await send(fetchImpl, url, { method: "GET" }, timeoutMs, redact);
  if ("failure" in answer) {
    if (answer.failure === "timeout") return fail("endpoint.timeout", `GET /manifest did not answer in time (${answer.detail}).`, "Serve the manifest quickly; it is fetched on registration and every 5 minutes.");
    if (answer.failure === "too-large") return fail("endpoint.too-large", `GET /manifest: ${answer.detail}.`, "Keep the manifest small: icons as compact SVG, no data in it.");
    return fail("endpoint.unreachable", `Could not reach ${url}: ${answer.detail}.`, "Check the base URL, and that the server is running and reachable from here.");
  }
  if (answer.status >= 300 && answer.status < 400) return fail("endpoint.redirect", `GET /manifest answered a redirect (HTTP ${answer.status}); Relay does not follow redirects to integration servers.`, "Register the URL the redirect points to.");
  if (answer.status === 404) return fail("endpoint.not-found", `There is no manifest at ${url} (HTTP 404).`, "Check the base URL: the manifest must be at <base URL>/manifest.");
  if (answer.status >= 400) return fail(answer.status >= 500 ? "endpoint.server-error" : "endpoint.refused", `GET /manifest answered HTTP ${answer.status}.`, "Serve the manifest with HTTP 200.");
  if (!answer.json.ok) return fail("endpoint.not-json", `GET /manifest answered something that is not JSON (it began ${JSON.stringify(answer.excerpt.trim().slice(0, 60))}).`, "Answer GET /manifest with the manifest as JSON.");
  return { value: answer.json.value };
}
