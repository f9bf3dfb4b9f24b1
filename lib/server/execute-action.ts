import { randomUUID } from "node:crypto";
import type { ActionExecuted } from "@/lib/contract";
import { callAction, StillExecutingError, systemClock } from "@/lib/engine";
import { isRecord } from "@/lib/contract/is-record";
import { openConnectorAction } from "./connector-action";
import type { ConnectorCtx } from "./connector-access";
import { AppError } from "./errors";

/**
 * How long the playground waits for an action that answers `executing`, whatever its policy: the
 * default policy alone sleeps 511 s, and a manifest's may sleep hours, all with the operator's
 * request open. As long as a run's `waitUntilFinished`; a workflow waits as long as the policy says.
 */
export const PLAYGROUND_MAX_WAIT_MS = 60_000;

export interface ExecutedAction extends ActionExecuted {
  /** How many times the action was called, `executing` answers included. */
  attempts: number;
}

/**
 * The playground's execution of one action through a connector, on the same path as a run's
 * connector node (`openConnectorAction`, then `callAction`): the config is checked against the
 * action's schema, and while the server answers `executing` the same call (one random
 * Idempotency-Key) is repeated on the action's polling policy; a poll that never ends, or lasts
 * past `maxWaitMs`, is a 504. Errors are not retried: the operator sees the failure at once and
 * may execute again.
 */
export async function executeConnectorAction(
  ctx: ConnectorCtx,
  workspaceUuid: string,
  connectorUuid: string,
  actionSlug: string,
  config: Record<string, unknown>,
  { signal: callerSignal, maxWaitMs = PLAYGROUND_MAX_WAIT_MS }: { signal?: AbortSignal; maxWaitMs?: number } = {},
): Promise<ExecutedAction> {
  const { action, call } = await openConnectorAction(ctx, workspaceUuid, { connectorUuid, actionSlug, config, what: "action config" });
  const idempotencyKey = randomUUID();
  const deadline = AbortSignal.timeout(maxWaitMs);
  const signal = callerSignal ? AbortSignal.any([callerSignal, deadline]) : deadline;
  let attempts = 0;
  let answered = 0;
  try {
    const answer = await callAction(
      async () => {
        const answer = await call({ idempotencyKey, runId: idempotencyKey, signal });
        answered++;
        return answer;
      },
      { executing: action.executing?.retry },
      { clock: systemClock, signal, onCall: () => attempts++ },
    );
    // An SDK action may output anything; the playground shows an object.
    const data = answer.data === undefined || isRecord(answer.data) ? answer.data : { value: answer.data };
    return { ...answer, title: answer.title ?? action.name, data, attempts };
  } catch (error) {
    if (deadline.aborted && !callerSignal?.aborted) {
      const still = answered > 0 ? `was still executing after ${answered} call${answered === 1 ? "" : "s"} and` : "did not answer within";
      throw new AppError("gateway_timeout:integration", `${action.name} ${still} ${maxWaitMs / 1000} s, as long as the playground waits; a workflow waits as its policy says`);
    }
    if (!(error instanceof StillExecutingError)) throw error;
    throw new AppError("gateway_timeout:integration", `${action.name} was still executing after ${error.calls} calls`);
  }
}
