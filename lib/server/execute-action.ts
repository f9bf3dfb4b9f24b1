import { randomUUID } from "node:crypto";
import type { ActionExecuted } from "@/lib/contract";
import { callAction, StillExecutingError, systemClock } from "@/lib/engine";
import { isRecord } from "@/lib/contract/is-record";
import { openConnectorAction } from "./connector-action";
import type { ConnectorCtx } from "./connector-access";
import { AppError } from "./errors";

export interface ExecutedAction extends ActionExecuted {
  /** How many times the action was called, `executing` answers included. */
  attempts: number;
}

/**
 * The playground's execution of one action through a connector, on the same path as a run's
 * connector node (`openConnectorAction`, then `callAction`): the config is checked against the
 * action's schema, and while the server answers `executing` the same call (one random
 * Idempotency-Key) is repeated on the action's polling policy; a poll that never ends is a 504.
 * Errors are not retried: the operator sees the failure at once and may execute again.
 */
export async function executeConnectorAction(
  ctx: ConnectorCtx,
  workspaceUuid: string,
  connectorUuid: string,
  actionSlug: string,
  config: Record<string, unknown>,
  { signal }: { signal?: AbortSignal } = {},
): Promise<ExecutedAction> {
  const { action, call } = await openConnectorAction(ctx, workspaceUuid, { connectorUuid, actionSlug, config, what: "action config" });
  const idempotencyKey = randomUUID();
  let attempts = 0;
  try {
    const answer = await callAction(
      () => call({ idempotencyKey, runId: idempotencyKey, signal }),
      { executing: action.executing?.retry },
      { clock: systemClock, signal, onCall: () => attempts++ },
    );
    // An SDK action may output anything; the playground shows an object.
    const data = answer.data === undefined || isRecord(answer.data) ? answer.data : { value: answer.data };
    return { ...answer, title: answer.title ?? action.name, data, attempts };
  } catch (error) {
    if (!(error instanceof StillExecutingError)) throw error;
    throw new AppError("gateway_timeout:integration", `${action.name} was still executing after ${error.calls} calls`);
  }
}
