import { randomUUID } from "node:crypto";
import type { ActionExecuted } from "@/lib/contract";
import { DEFAULT_EXECUTING_POLICY, withDefaults } from "@/lib/engine";
import { connectorRef, openConnectorForCall, type ConnectorCtx } from "./connector-access";
import { AppError } from "./errors";
import { callingIntegration } from "./integration-errors";
import { executeSdkConnectorAction } from "./sdk-actions";
import { validateAgainstSchema } from "./validate-config";

export interface ExecutedAction extends ActionExecuted {
  /** How many times the action was called, `executing` answers included. */
  attempts: number;
}

/**
 * Executes one action once through a connector: the config is checked against the action's
 * schema, and while the server answers `executing` the same call (same Idempotency-Key) is
 * repeated on the action's polling policy until it answers `executed`. An SDK action runs
 * inside the app, once.
 */
export async function executeConnectorAction(
  ctx: ConnectorCtx,
  workspaceUuid: string,
  connectorUuid: string,
  actionSlug: string,
  config: Record<string, unknown>,
  { signal, sleep = defaultSleep }: { signal?: AbortSignal; sleep?: (ms: number) => Promise<void> } = {},
): Promise<ExecutedAction> {
  const open = await openConnectorForCall(ctx, workspaceUuid, connectorUuid);
  const action = open.resolved.integration.actions[actionSlug];
  if (!action) throw new AppError("not_found:action", `${open.resolved.integration.name} has no action "${actionSlug}"`);
  const { jsonSchema } = action.config;
  // Manifests point expression fields at a definition the platform supplies; any value fits it.
  const definitions = { ...(jsonSchema.definitions as object | undefined), expression: {} };
  validateAgainstSchema("action config", { ...jsonSchema, definitions }, config);
  if (open.resolved.sdk) return executeSdkConnectorAction(open, open.resolved.sdk, actionSlug, config, { signal, outbound: ctx.integrations.outbound });

  const client = ctx.integrations.clientFor(open.resolved);
  const policy = withDefaults(action.executing?.retry, DEFAULT_EXECUTING_POLICY);
  const idempotencyKey = randomUUID();
  let interval = policy.initialInterval;
  for (let attempt = 1; ; attempt++) {
    const answer = await callingIntegration(
      () => client.executeAction(connectorRef(open), actionSlug, config, { idempotencyKey, signal }),
      open.redact,
    );
    if (answer.outcome === "executed") return { ...answer, attempts: attempt };
    if (policy.maximumAttempts > 0 && attempt >= policy.maximumAttempts) {
      throw new AppError("gateway_timeout:integration", `${action.name} was still executing after ${attempt} attempts`);
    }
    await sleep(interval);
    interval *= policy.backoffCoefficient;
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
