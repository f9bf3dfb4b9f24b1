import { detectManifestLayout, IntegrationManifest, LegacyIntegrationManifest } from "@/lib/contract";
import type { CallObserver } from "./call-observer";
import { callIntegration, type CallOptions } from "./http";
import { parseAnswer } from "./parse-answer";

export type FetchedManifest =
  | { layout: "seed"; manifest: IntegrationManifest }
  | { layout: "legacy"; manifest: LegacyIntegrationManifest };

/** The call's options; `onCall` is told of each attempt as the `manifest` operation. */
export type FetchManifestOptions = Omit<CallOptions, "observe"> & { onCall?: CallObserver };

/**
 * Fetches `GET /manifest` from an integration server and validates it against the layout it
 * uses. An invalid manifest throws `badResponse` with every problem listed (path + message).
 */
export async function fetchManifest(baseUrl: string, { onCall, ...options }: FetchManifestOptions = {}): Promise<FetchedManifest> {
  const observe = onCall && { onCall, operation: "manifest" as const, endpoint: "/manifest" };
  const raw = await callIntegration(joinUrl(baseUrl, "/manifest"), { method: "GET" }, { ...options, observe });
  const subject = `The manifest at ${baseUrl}`;
  if (detectManifestLayout(raw) === "legacy") {
    return { layout: "legacy", manifest: parseAnswer(LegacyIntegrationManifest, raw, subject) };
  }
  return { layout: "seed", manifest: parseAnswer(IntegrationManifest, raw, subject) };
}

/** Appends a contract path to a base URL that may itself have a path (`http://host/legacy`). */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${path}`;
}

/** The actions a manifest offers, in its own order; both layouts key them by slug. */
export function listManifestActions(manifest: IntegrationManifest | LegacyIntegrationManifest) {
  return Object.entries(manifest.actions).map(([slug, action]) => ({
    slug,
    name: action.name,
    description: action.description,
  }));
}
