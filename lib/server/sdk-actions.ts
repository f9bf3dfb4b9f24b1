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

export { getSdkIntegration, sdkIntegrations };

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

/**
 * Runs an SDK action through a connector and resolves to its output. Failures become AppErrors
 * (statuses as for servers, secrets removed) whose cause, the NativeActionError, says whether
 * another attempt may help.
 */
export function runSdkConnectorAction(
  open: OpenConnector,
  sdk: NativeIntegration,
  actionSlug: string,
  config: Record<string, unknown>,
  { runId, signal, outbound }: { runId: string; signal?: AbortSignal; outbound?: OutboundFetch },
): Promise<unknown> {
  return asAppError(
    () => runNativeAction(sdk, actionSlug, { connectorConfig: open.config, inputs: config, workspaceUuid: open.stored.workspaceUuid, runId, signal, outbound }),
    open.redact,
  );
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
