/** Tells which manifest layout a raw `GET /manifest` answer uses, before any schema runs. */
export function detectManifestLayout(raw: unknown): "seed" | "legacy" {
  // Anything unreadable counts as seed so the primary schema reports its problems.
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return "seed";
  const manifest = raw as Record<string, unknown>;
  if (Array.isArray(manifest.autocompletes) || Array.isArray(manifest.dynamicSchemas)) return "legacy";
  if (manifest.model !== undefined && manifest.extractors === undefined) return "legacy";
  return "seed";
}
