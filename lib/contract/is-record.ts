/**
 * A plain JSON object: not null, not an array. The one narrowing every layer uses for configs,
 * answers and records; a module of its own so the browser's workers can import it without the
 * contract's schemas.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
