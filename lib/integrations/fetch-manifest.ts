import { detectManifestLayout, IntegrationManifest, LegacyIntegrationManifest } from "@/lib/contract";
import { callIntegration, type CallOptions } from "./http";
import { parseAnswer } from "./parse-answer";

export type FetchedManifest =
  | { layout: "seed"; manifest: IntegrationManifest }
  | { layout: "legacy"; manifest: LegacyIntegrationManifest };

/**
 * Fetches `GET /manifest` from an integration server and validates it against the layout it
 * uses. An invalid manifest throws `badResponse` with every problem listed (path + message).
 */
export async function fetchManifest(baseUrl: string, options?: CallOptions): Promise<FetchedManifest> {
  const raw = await callIntegration(joinUrl(baseUrl, "/manifest"), { method: "GET" }, options);
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
