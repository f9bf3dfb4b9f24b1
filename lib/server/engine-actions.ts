import type { ActionAnswer, ActionCall, ActionPort } from "@/lib/engine";
import { IntegrationError } from "@/lib/integrations";
import { connectorRef, openConnectorForCall, type ConnectorCtx } from "./connector-access";
import { AppError } from "./errors";
import { callingIntegration } from "./integration-errors";
import { runHttpRequest, runSdkAction } from "./sdk-actions";
import { validateAgainstSchema } from "./validate-config";

/**
 * The engine's action port over real integrations: custom integration servers (one call per
 * `execute`; the engine polls `executing` and retries) and the built-in actions that do IO.
 * Errors a retry cannot fix (bad config, a missing connector, a 4xx answer) say so.
 */
export function createEngineActions(ctx: ConnectorCtx): ActionPort {
  return {
    runsNative: (actionSlug) => actionSlug === "httpRequest",

    async policies(call) {
      if (call.kind !== "connector" || !call.integrationSlug) return {};
      const { integration } = await ctx.integrations.get(call.workspaceUuid, call.integrationSlug).catch(() => ({ integration: null }));
      const action = integration?.actions[call.actionSlug];
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
  const open = await openConnectorForCall(ctx, call.workspaceUuid, call.connectorUuid);
  if (open.stored.integrationSlug !== call.integrationSlug) {
    throw new AppError("bad_request:connector", `Connector ${open.stored.name} belongs to ${open.stored.integrationSlug}, not ${call.integrationSlug}`);
  }
  const { integration } = open.resolved;
  const action = integration.actions[call.actionSlug];
  if (!action) throw new AppError("not_found:action", `${integration.name} has no action "${call.actionSlug}"`);
  const definitions = { ...(action.config.jsonSchema.definitions as object | undefined), expression: {} };
  validateAgainstSchema("computed config", { ...action.config.jsonSchema, definitions }, call.config);
  if (open.resolved.sdk) {
    const data = await runSdkAction({
      integrationSlug: call.integrationSlug,
      actionSlug: call.actionSlug,
      connectorConfig: open.config,
      inputs: call.config,
      workspaceUuid: call.workspaceUuid,
      runId: call.runUuid,
      signal: call.signal,
      outbound: ctx.integrations.outbound,
    });
    return { outcome: "executed", data, title: action.name };
  }
  const client = ctx.integrations.clientFor(open.resolved);
  const answer = await callingIntegration(
    () => client.executeAction(connectorRef(open), call.actionSlug, call.config, { idempotencyKey: call.idempotencyKey, signal: call.signal }),
    open.redact,
  );
  if (answer.outcome === "executing") return { outcome: "executing" };
  return { outcome: "executed", data: answer.data, title: answer.title, childIndex: answer.childIndex };
}

async function executeNative(ctx: ConnectorCtx, call: Extract<ActionCall, { kind: "native" }>): Promise<ActionAnswer> {
  if (call.actionSlug !== "httpRequest") throw new AppError("bad_request:action", `There is no built-in action "${call.actionSlug}"`);
  const output = await runHttpRequest(call.config, { signal: call.signal, outbound: ctx.integrations.outbound });
  return { outcome: "executed", data: output, title: `${String(call.config.method ?? "GET")} → HTTP ${output.status}` };
}

// 4xx answers (bad input, not found, unauthorized) will not change on a retry; 408, 429 and 5xx may.
// An integration server's own status counts, not the 502 the API would answer for it.
function asNodeError(error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  const status = error.cause instanceof IntegrationError && error.cause.status ? error.cause.status : error.status;
  const permanent = status >= 400 && status < 500 && status !== 408 && status !== 429;
  return Object.assign(error, { retryable: !permanent });
}
