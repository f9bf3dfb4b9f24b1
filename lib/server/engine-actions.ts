import { ownEntry } from "@/lib/contract/own-entry";
import type { ActionAnswer, ActionCall, ActionPort } from "@/lib/engine";
import { IntegrationError } from "@/lib/integrations";
import { NativeActionError } from "@/lib/integrations/native";
import { openConnectorAction } from "./connector-action";
import type { ConnectorCtx } from "./connector-access";
import { AppError } from "./errors";
import { runHttpRequest } from "./sdk-actions";

/**
 * The engine's action port over real integrations: connector actions (one call per `execute`,
 * through `openConnectorAction` as the playground's; the engine polls `executing` and retries
 * with `callAction`) and the built-in actions that do IO. Errors a retry cannot fix (bad config,
 * a missing connector, a 4xx answer) say so.
 */
export function createEngineActions(ctx: ConnectorCtx): ActionPort {
  return {
    runsNative: (actionSlug) => actionSlug === "httpRequest",

    async policies(call) {
      if (call.kind !== "connector" || !call.integrationSlug) return {};
      const { integration } = await ctx.integrations.get(call.workspaceUuid, call.integrationSlug).catch(() => ({ integration: null }));
      const action = ownEntry(integration?.actions, call.actionSlug);
      return { retry: action?.retry, executing: action?.executing?.retry };
    },

    async execute(call): Promise<ActionAnswer> {
      try {
        return call.kind === "connector" ? await executeConnector(ctx, call) : await executeNative(ctx, call);
      } catch (error) {
        throw asNodeError(error);
      }
    },
  };
}

async function executeConnector(ctx: ConnectorCtx, call: Extract<ActionCall, { kind: "connector" }>): Promise<ActionAnswer> {
  const action = await openConnectorAction(ctx, call.workspaceUuid, {
    connectorUuid: call.connectorUuid,
    integrationSlug: call.integrationSlug,
    actionSlug: call.actionSlug,
    config: call.config,
    what: "computed config",
  });
  return action.call({ idempotencyKey: call.idempotencyKey, runId: call.runUuid, signal: call.signal });
}

async function executeNative(ctx: ConnectorCtx, call: Extract<ActionCall, { kind: "native" }>): Promise<ActionAnswer> {
  if (call.actionSlug !== "httpRequest") throw new AppError("bad_request:action", `There is no built-in action "${call.actionSlug}"`);
  const output = await runHttpRequest(call.config, { signal: call.signal, outbound: ctx.integrations.outbound });
  return { outcome: "executed", data: output, title: `${String(call.config.method ?? "GET")} → HTTP ${output.status}` };
}

// An SDK failure says itself whether another attempt may help. Otherwise 4xx answers (bad input,
// not found, unauthorized) will not change on a retry; 408, 429 and 5xx may. An integration
// server's own status counts, not the 502 the API would answer for it.
function asNodeError(error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  if (error.cause instanceof NativeActionError) return Object.assign(error, { retryable: error.cause.retryable });
  const status = error.cause instanceof IntegrationError && error.cause.status ? error.cause.status : error.status;
  const permanent = status >= 400 && status < 500 && status !== 408 && status !== 429;
  return Object.assign(error, { retryable: !permanent });
}
