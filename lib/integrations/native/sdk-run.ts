import { z } from "zod";
import { redactSecrets } from "@/lib/vault";
import { defaultOutboundFetch, outboundRefusalOf, type OutboundFetch } from "../outbound";
import { NativeActionError } from "./native-action-error";
import type { NativeAction, NativeAuthenticateContext, NativeIntegration } from "./sdk";
import { resolveBaseUrl, secretsOf, toAuth } from "./sdk-auth";

/** Budget of one action or authenticate call, every request it makes included. */
export const NATIVE_ACTION_TIMEOUT_MS = 30_000;

export interface NativeCallOptions {
  /** The decrypted connector config: credentials per authType, and `baseUrl`. */
  connectorConfig: Record<string, unknown>;
  workspaceUuid: string;
  /** Cancels the call; it then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** The outbound guard every request of the provider goes through; default: one that allows no private address. */
  outbound?: OutboundFetch;
  timeoutMs?: number;
}

export interface RunNativeActionOptions extends NativeCallOptions {
  inputs: unknown;
  runId: string;
}

export type NativeAuthentication = { outcome: "success"; checked: boolean } | { outcome: "error"; errorMessage: string };

/**
 * Runs one SDK action: inputs parsed by its inputSchema, credentials normalized from the
 * connector config, every request bounded by the signal and the timeout. Whatever fails becomes
 * a NativeActionError whose message carries the provider's words and never a credential.
 * @example
 * const output = await runNativeAction(openai, "openai.chatCompletion", { connectorConfig, inputs: { prompt: "Hi" }, workspaceUuid, runId });
 */
export async function runNativeAction(integration: NativeIntegration, actionKey: string, options: RunNativeActionOptions): Promise<unknown> {
  const action = integration.action(actionKey);
  if (!action) throw new NativeActionError("unknownAction", `${integration.name} has no action "${actionKey}"`);
  const inputs = parseInputs(action, options.inputs);
  return withProvider(integration, options, async (ctx) => checkOutput(integration, action, await action.run({ ...ctx, inputs, runId: options.runId })));
}

/**
 * Checks a connector config: credentials present for the authType, then the integration's own
 * `authenticate` when it has one (`checked: false` when it has none). A refusal is an `error`
 * outcome; an unreachable or slow provider throws, as for integration servers.
 */
export async function authenticateNative(integration: NativeIntegration, options: NativeCallOptions): Promise<NativeAuthentication> {
  try {
    await withProvider(integration, options, async (ctx) => integration.authenticate?.(ctx));
    return { outcome: "success", checked: Boolean(integration.authenticate) };
  } catch (error) {
    if (error instanceof NativeActionError && (error.kind === "providerError" || error.kind === "invalidCredentials" || error.kind === "failed")) {
      return { outcome: "error", errorMessage: error.message };
    }
    throw error;
  }
}

async function withProvider<T>(integration: NativeIntegration, options: NativeCallOptions, work: (ctx: NativeAuthenticateContext) => Promise<T>): Promise<T> {
  const auth = toAuth(integration.slug, integration.authType, options.connectorConfig);
  const baseUrl = resolveBaseUrl(options.connectorConfig, integration.defaultBaseUrl);
  const timeoutMs = options.timeoutMs ?? NATIVE_ACTION_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const boundFetch = guardedContextFetch(options.outbound ?? defaultOutboundFetch(), signal);
  const secrets = secretsOf(auth);
  try {
    return await work({ auth, workspaceUuid: options.workspaceUuid, signal, baseUrl, fetch: boundFetch });
  } catch (error) {
    options.signal?.throwIfAborted();
    if (timeout.aborted) {
      throw new NativeActionError("timeout", `${integration.name} did not answer within ${timeoutMs / 1000} s`, { cause: error });
    }
    throw normalize(error, integration.name, baseUrl, (text) => redactSecrets(text, secrets));
  }
}

/** `ctx.fetch`: fetch's signature for providers, every request through the guard and bound to the call's signal. */
function guardedContextFetch(outbound: OutboundFetch, signal: AbortSignal): typeof fetch {
  return async (input, init) => {
    if (input instanceof Request) throw new TypeError("ctx.fetch takes a URL and an init, not a Request");
    const { body, redirect } = init ?? {};
    if (body != null && typeof body !== "string" && !(body instanceof Uint8Array)) throw new TypeError("ctx.fetch sends a body as text or bytes");
    return outbound(input, {
      method: init?.method,
      headers: init?.headers,
      body: body ?? undefined,
      signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal,
      redirect: redirect === "error" || redirect === "manual" ? redirect : "follow",
    });
  };
}

function normalize(error: unknown, name: string, baseUrl: string, redact: (text: string) => string): NativeActionError {
  if (error instanceof NativeActionError) {
    if (error.kind !== "providerError") return new NativeActionError(error.kind, redact(error.message), { status: error.status, cause: error });
    const providerMessage = redact(error.providerMessage ?? error.message);
    return new NativeActionError("providerError", `${name}: ${providerMessage}`, { status: error.status, providerMessage, cause: error });
  }
  if (error instanceof z.ZodError) return new NativeActionError("invalidInputs", redact(`Invalid inputs: ${describeIssues(error)}`), { cause: error });
  // A refused base URL answers as an unreachable provider does, with the rule in the message.
  const refusal = outboundRefusalOf(error);
  if (refusal) return new NativeActionError("unreachable", refusal.message, { cause: refusal });
  if (isNetworkFailure(error)) {
    const code = (error.cause as { code?: string; message?: string } | undefined)?.code ?? "network error";
    return new NativeActionError("unreachable", `Could not reach ${name} at ${new URL(baseUrl).origin}: ${code}`, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new NativeActionError("failed", `${name}: ${redact(message)}`, { providerMessage: redact(message), cause: error });
}

/** undici's fetch rejects a refused connection, a DNS failure or a reset with this TypeError. */
function isNetworkFailure(error: unknown): error is TypeError {
  return error instanceof TypeError && error.message === "fetch failed";
}

function parseInputs(action: NativeAction, inputs: unknown): Record<string, unknown> {
  const parsed = action.inputSchema.safeParse(inputs ?? {});
  if (parsed.success) return parsed.data;
  throw new NativeActionError("invalidInputs", `Invalid inputs for ${action.name}: ${describeIssues(parsed.error)}`, { cause: parsed.error });
}

function checkOutput(integration: NativeIntegration, action: NativeAction, output: unknown): unknown {
  if (!action.outputSchema) return output;
  const parsed = action.outputSchema.safeParse(output);
  if (parsed.success) return parsed.data;
  throw new NativeActionError("badResponse", `${integration.name}'s answer to ${action.name} is not what the action expects: ${describeIssues(parsed.error)}`);
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ");
}
