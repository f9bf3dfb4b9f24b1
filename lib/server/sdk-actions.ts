import { randomUUID } from "node:crypto";
import type { OutboundFetch } from "@/lib/integrations";
import {
  authenticateNative,
  getSdkIntegration,
  NativeActionError,
  runHttpRequest as runHttpRequestCall,
  runNativeAction,
  sdkIntegrations,
  type HttpRequestOutput,
  type NativeActionErrorKind,
  type NativeIntegration,
} from "@/lib/integrations/native";
import { SECRET_MASK } from "@/lib/vault";
import type { OpenConnector } from "./connector-access";
import { AppError, type ErrorCode } from "./errors";
import type { ExecutedAction } from "./execute-action";

export { getSdkIntegration, sdkIntegrations };

export interface RunSdkActionInput {
  integrationSlug: string;
  /** The action's key, e.g. `slack.sendMessage`. */
  actionSlug: string;
  /** The connector's decrypted config. */
  connectorConfig: Record<string, unknown>;
  /** The node's computed config: expressions already evaluated. */
  inputs: Record<string, unknown>;
  workspaceUuid: string;
  runId: string;
  signal?: AbortSignal;
  /** The outbound guard the provider's requests go through (the registry's). */
  outbound?: OutboundFetch;
}

/**
 * Runs an SDK action for the run engine and resolves to its output. Throws a NativeActionError
 * whose `retryable` says whether another attempt may help, and whose message has no secret.
 * @example
 * const output = await runSdkAction({ integrationSlug: "slack", actionSlug: "slack.sendMessage", connectorConfig, inputs, workspaceUuid, runId, signal });
 */
export async function runSdkAction(input: RunSdkActionInput): Promise<unknown> {
  const integration = getSdkIntegration(input.integrationSlug);
  if (!integration) throw new NativeActionError("unknownAction", `No SDK integration with slug "${input.integrationSlug}"`);
  return runNativeAction(integration, input.actionSlug, {
    connectorConfig: input.connectorConfig,
    inputs: input.inputs,
    workspaceUuid: input.workspaceUuid,
    runId: input.runId,
    signal: input.signal,
    outbound: input.outbound,
  });
}

/**
 * Runs the built-in `httpRequest` action with a node's computed config, through the outbound guard.
 * Any HTTP status is an output; a request that gets no answer, or is refused, throws a
 * (retryable) NativeActionError.
 */
export function runHttpRequest(
  config: Record<string, unknown>,
  { signal, outbound }: { signal?: AbortSignal; outbound?: OutboundFetch } = {},
): Promise<HttpRequestOutput> {
  return runHttpRequestCall(config, { signal, outbound });
}

/** The answer of a credential check, as the connector routes return it. */
export type SdkAuthentication = { outcome: "success"; message?: string } | { outcome: "error"; errorMessage: string };

/** Tests an SDK connector's config with the integration's `authenticate`, or says there is none. */
export async function authenticateSdkConnector(
  sdk: NativeIntegration,
  connector: { workspaceUuid: string; config: Record<string, unknown> },
  redact: (text: string) => string,
  outbound?: OutboundFetch,
): Promise<SdkAuthentication> {
  const answer = await asAppError(
    () => authenticateNative(sdk, { connectorConfig: connector.config, workspaceUuid: connector.workspaceUuid, outbound }),
    redact,
  );
  if (answer.outcome === "error") return { outcome: "error", errorMessage: redact(answer.errorMessage) };
  if (answer.checked) return { outcome: "success" };
  return { outcome: "success", message: `${sdk.name} has no credential check: the credentials will be tried when an action first runs` };
}

/** The playground's one execution of an SDK action through a connector. */
export async function executeSdkConnectorAction(
  open: OpenConnector,
  sdk: NativeIntegration,
  actionSlug: string,
  config: Record<string, unknown>,
  { signal, outbound }: { signal?: AbortSignal; outbound?: OutboundFetch } = {},
): Promise<ExecutedAction> {
  const output = await asAppError(
    () =>
      runNativeAction(sdk, actionSlug, {
        connectorConfig: open.config,
        inputs: config,
        workspaceUuid: open.stored.workspaceUuid,
        runId: randomUUID(),
        signal,
        outbound,
      }),
    open.redact,
  );
  const data = typeof output === "object" && output !== null && !Array.isArray(output) ? (output as Record<string, unknown>) : { value: output };
  return { outcome: "executed", title: sdk.action(actionSlug)?.name ?? actionSlug, data, attempts: 1 };
}

/**
 * Refuses an update that points an SDK connector at another API base URL while keeping its
 * saved secrets: they would go to a server the operator who saved them never chose.
 */
export function assertSecretsFollowBaseUrl(
  sdk: NativeIntegration,
  stored: Record<string, unknown>,
  incoming: Record<string, unknown>,
  secretPaths: string[][],
): void {
  const baseUrlOf = (config: Record<string, unknown>) =>
    (typeof config.baseUrl === "string" && config.baseUrl.trim() !== "" ? config.baseUrl.trim() : sdk.defaultBaseUrl).replace(/\/+$/, "");
  if (baseUrlOf(stored) === baseUrlOf(incoming)) return;
  const kept = secretPaths.some(([name]) => name !== undefined && stored[name] && (incoming[name] === undefined || incoming[name] === SECRET_MASK));
  if (kept) {
    throw new AppError("bad_request:config", "Enter the credentials again to change the API base URL: saved secrets are only sent where they were first used");
  }
}

const codeByKind: Record<NativeActionErrorKind, ErrorCode> = {
  unknownAction: "not_found:action",
  invalidInputs: "bad_request:input",
  invalidCredentials: "unprocessable:credentials",
  providerError: "bad_gateway:integration",
  unreachable: "unavailable:integration",
  timeout: "gateway_timeout:integration",
  badResponse: "bad_gateway:integration",
  failed: "bad_gateway:integration",
};

/** Maps an SDK failure onto the API's statuses, as `callingIntegration` does for servers. */
async function asAppError<T>(work: () => Promise<T>, redact: (text: string) => string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof NativeActionError)) throw error;
    throw new AppError(codeByKind[error.kind], redact(error.message), { cause: error });
  }
}
