import { ExecuteActionResponseBody, type ManifestAction } from "@/lib/contract";
import { isRecord } from "@/lib/contract/is-record";
import { executeActionRequest } from "../../layouts";
import { finding } from "../codes";
import { contractFindings } from "../contract-findings";
import { jsonPath, probePath, type Segment } from "../json-path";
import { probeCall, type ProbeContext } from "./probe-context";

/** Calls while the action answers `executing`, at most; Relay's own cap is higher, the check's patience lower. */
const MAX_POLLS = 10;
const MAX_POLL_WAIT_MS = 1_000;

/**
 * Runs the action, polling while it answers `executing`, then sends the same request with the
 * same Idempotency-Key once more: a retry after a lost answer must get the same answer back, not
 * a second effect (a second created id shows as a difference). An action asked for that the time
 * budget left no room to call is an error: a CI run must not pass without it.
 */
export async function probeExecute(ctx: ProbeContext, actions: Record<string, ManifestAction>, slug: string, record: Record<string, unknown>): Promise<void> {
  const action = Object.hasOwn(actions, slug) ? actions[slug] : undefined;
  if (!action) {
    ctx.findings.push(finding("execute.unknown-action", "actions", `The manifest has no action "${slug}" to execute.`, `Pick one of: ${Object.keys(actions).join(", ") || "(none)"}.`));
    return;
  }
  const capability: Segment[] = ["actions", slug];
  const headers = { "idempotency-key": crypto.randomUUID() };
  const waitMs = Math.min(action.executing?.retry.initialInterval ?? 500, MAX_POLL_WAIT_MS);
  let call = 0;
  const execute = async () => {
    const index = call++;
    const answered = await probeCall(ctx, executeActionRequest(ctx.connector, slug, record), { capability, call: `execute[${index}]`, headers });
    if (!answered.ok) return undefined;
    const parsed = contractFindings(ExecuteActionResponseBody, answered.value, { code: "answer.invalid", pathOf: answered.path, subject: "The execute answer", endpoint: answered.endpoint });
    ctx.findings.push(...parsed.findings);
    return parsed.data && { answer: parsed.data, raw: answered.value, path: answered.path, endpoint: answered.endpoint };
  };
  // Out of time before the first call, or set by it (then it never went out).
  let first = ctx.outOfTime ? undefined : await execute();
  if (ctx.outOfTime && !first) {
    ctx.findings.push(finding("execute.not-run", probePath(capability, "execute[0]"), `The action "${slug}" you asked to execute was not called: the check ran out of time before it.`, "Make the endpoints called before it answer faster (or the connector's rate limit less strict), then check again."));
    return;
  }
  while (first?.answer.outcome === "executing" && call < MAX_POLLS && !ctx.outOfTime) {
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    first = await execute();
  }
  if (!first) return;
  if (first.answer.outcome === "executing") {
    ctx.findings.push(finding("execute.still-executing", first.path(["outcome"]), `"${slug}" still answered executing after ${MAX_POLLS} calls; idempotency was not compared.`, "Finish sooner, or raise `executing.retry` so operators' runs wait long enough.", first.endpoint));
    return;
  }
  const again = await execute();
  if (!again) return;
  const difference = firstDifference(first.raw, again.raw);
  if (difference) {
    ctx.findings.push(
      finding("execute.not-idempotent", again.path(difference.path), `Sent again with the same Idempotency-Key, "${slug}" answered differently at ${jsonPath(difference.path)} (${difference.first} then ${difference.second}): a retried run would act twice.`, "Store the answer per Idempotency-Key and send it back for a repeated key instead of running again.", again.endpoint),
    );
  }
}

/** The first place two JSON values differ, depth first; undefined when they are equal. */
function firstDifference(a: unknown, b: unknown, path: Segment[] = []): { path: Segment[]; first: string; second: string } | undefined {
  if (Object.is(a, b)) return undefined;
  const bothArrays = Array.isArray(a) && Array.isArray(b);
  if (bothArrays || (isRecord(a) && isRecord(b))) {
    const keys = bothArrays ? [...Array(Math.max(a.length, b.length)).keys()] : [...new Set([...Object.keys(a as object), ...Object.keys(b as object)])];
    for (const key of keys) {
      const inner = firstDifference((a as Record<string | number, unknown>)[key], (b as Record<string | number, unknown>)[key], [...path, key]);
      if (inner) return inner;
    }
    return undefined;
  }
  const show = (value: unknown) => (value === undefined ? "nothing" : JSON.stringify(value).slice(0, 60));
  return { path, first: show(a), second: show(b) };
}
