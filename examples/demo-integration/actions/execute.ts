import { requireCredentials } from "../auth";
import { notFound } from "../errors";
import type { ContractBody } from "../request-body";
import { stableHash } from "../stable-hash";
import type { DemoState } from "../state";
import { ACTIONS } from "./index";
import type { ActionResult } from "./types";

/**
 * `POST /actions/:slug/execute` in either layout. A call whose Idempotency-Key already completed gets
 * the stored result back without running again, as the platform retries with the same key.
 */
export function executeAction(state: DemoState, slug: string, body: ContractBody, headers: Headers): ActionResult {
  const action = Object.hasOwn(ACTIONS, slug) ? ACTIONS[slug] : undefined;
  if (!action) throw notFound(`Unknown action "${slug}"`);
  requireCredentials(body.connectorConfig);

  const key = headers.get("idempotency-key")?.trim() || undefined;
  const stored = key ? state.idempotency.recall(slug, key) : undefined;
  if (stored) return stored;
  if (key) state.idempotency.countExecution(key);

  const jobKey = key ?? stableHash({ slug, config: body.config });
  const result = action.execute({ state, config: body.config, isDry: body.isDry, jobKey });
  if (key && result.outcome === "executed" && !body.isDry) state.idempotency.remember(slug, key, result);
  return result;
}
