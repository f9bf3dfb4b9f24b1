import {
  detectManifestLayout,
  IntegrationManifest,
  LegacyIntegrationManifest,
  toProblems,
  type ManifestLayout,
} from "@/lib/contract";
import { callIntegration, type CallOptions } from "./http";
import { IntegrationError } from "./integration-error";

export type FetchedManifest =
  | { layout: "seed"; manifest: IntegrationManifest }
  | { layout: "legacy"; manifest: LegacyIntegrationManifest };

/**
 * Fetches `GET /manifest` from an integration server and validates it against the layout it
 * uses. An invalid manifest throws with every problem listed (path + message).
 */
export async function fetchManifest(baseUrl: string, options?: CallOptions): Promise<FetchedManifest> {
  const raw = await callIntegration(joinUrl(baseUrl, "/manifest"), { method: "GET" }, options);
  const layout: ManifestLayout = detectManifestLayout(raw);
  const result = layout === "legacy" ? LegacyIntegrationManifest.safeParse(raw) : IntegrationManifest.safeParse(raw);
  if (!result.success) {
    const problems = toProblems(result.error);
    throw new IntegrationError(
      "badResponse",
      `The manifest at ${baseUrl} does not follow the contract (${problems.length} problem${problems.length === 1 ? "" : "s"})`,
      { problems },
    );
  }
  return { layout, manifest: result.data } as FetchedManifest;
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
