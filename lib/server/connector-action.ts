import { ownEntry } from "@/lib/contract/own-entry";
import type { ManifestAction } from "@/lib/contract";
import type { ActionAnswer } from "@/lib/engine";
import { connectorRef, openConnectorForCall, type ConnectorCtx, type OpenConnector } from "./connector-access";
import { AppError } from "./errors";
import { callingIntegration } from "./integration-errors";
import { runSdkConnectorAction } from "./sdk-actions";
import { validateAgainstSchema } from "./validate-config";

/** A connector's action, ready to call: the connector opened, the config checked against the action's schema. */
export interface ConnectorAction {
  open: OpenConnector;
  action: ManifestAction;
  /**
   * One call: a server's answer (`executing` included; fields beyond the engine's kept) or an
   * SDK action's output. The caller repeats it on the action's policies (`callAction` in
   * lib/engine), with the same Idempotency-Key for every poll and retry.
   */
  call(control: { idempotencyKey: string; runId: string; signal?: AbortSignal }): Promise<ActionAnswer>;
}

/**
 * Opens a connector's action for calls; the one way in for the playground
 * (`execute-action.ts`) and the engine's connector nodes (`engine-actions.ts`). Answers 404 for an
 * unknown action, 400 for a config its schema refuses, 409 for a connector whose secrets are
 * locked, and, given `integrationSlug`, 400 for a connector of another integration.
 */
export async function openConnectorAction(
  ctx: ConnectorCtx,
  workspaceUuid: string,
  { connectorUuid, integrationSlug, actionSlug, config, what }: {
    connectorUuid: string;
    integrationSlug?: string;
    actionSlug: string;
    config: Record<string, unknown>;
    /** Names the config in a validation message: "action config", "computed config". */
    what: string;
  },
): Promise<ConnectorAction> {
  const open = await openConnectorForCall(ctx, workspaceUuid, connectorUuid);
  if (integrationSlug !== undefined && open.stored.integrationSlug !== integrationSlug) {
    throw new AppError("bad_request:connector", `Connector ${open.stored.name} belongs to ${open.stored.integrationSlug}, not ${integrationSlug}`);
  }
  const { integration, sdk } = open.resolved;
  const action = ownEntry(integration.actions, actionSlug);
  if (!action) throw new AppError("not_found:action", `${integration.name} has no action "${actionSlug}"`);
  validateAgainstSchema(what, actionConfigSchema(action), config);

  const call: ConnectorAction["call"] = sdk
    ? async ({ runId, signal }) => {
        const data = await runSdkConnectorAction(open, sdk, actionSlug, config, { runId, signal, outbound: ctx.integrations.outbound });
        return { outcome: "executed", data, title: action.name };
      }
    : async ({ idempotencyKey, signal }) => {
        const client = ctx.integrations.clientFor(open.resolved);
        const answer = await callingIntegration(() => client.executeAction(connectorRef(open), actionSlug, config, { idempotencyKey, signal }), open.redact);
        return answer.outcome === "executing" ? answer : { ...answer, data: answer.data };
      };
  return { open, action, call };
}

const configSchemas = new WeakMap<object, Record<string, unknown>>();

/**
 * The action's config schema, where an expression object fits the `#/definitions/expression`
 * manifests point expression fields at. One object per schema object, so the compiled
 * validator is found without hashing it again.
 */
function actionConfigSchema(action: ManifestAction): Record<string, unknown> {
  const { jsonSchema } = action.config;
  let schema = configSchemas.get(jsonSchema);
  if (!schema) {
    schema = { ...jsonSchema, definitions: { ...(jsonSchema.definitions as object | undefined), expression: {} } };
    configSchemas.set(jsonSchema, schema);
  }
  return schema;
}
