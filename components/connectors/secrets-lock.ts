import { isRecord } from "@/lib/contract/is-record";
import type { ConnectorSecretsLock } from "@/lib/contract";

/** The host a locked connector's integration moved to, for "…moved to crm.example.com". */
export function movedToHost(lock: ConnectorSecretsLock): string {
  try {
    return new URL(lock.baseUrl).host || lock.baseUrl;
  } catch {
    return lock.baseUrl;
  }
}

/** The locked fields by their form titles where the schema has them (`API key`), else their paths. */
export function lockedFieldLabels(lock: ConnectorSecretsLock, jsonSchema: Record<string, unknown> = {}): string[] {
  return lock.fields.map((path) => {
    let schema: unknown = jsonSchema;
    for (const key of path) schema = propertiesOf(schema)?.[key];
    const title = isRecord(schema) && typeof schema.title === "string" && schema.title.trim() ? schema.title.trim() : null;
    return title ?? path.join(".");
  });
}

/** The edit form's starting values for a locked connector: the locked secrets empty, to be typed again. */
export function withoutLockedSecrets(config: Record<string, unknown>, lock: ConnectorSecretsLock | null): Record<string, unknown> {
  if (!lock) return config;
  const next = structuredClone(config);
  for (const path of lock.fields) {
    const parent = path.slice(0, -1).reduce<unknown>((value, key) => (isRecord(value) ? value[key] : undefined), next);
    if (isRecord(parent)) delete parent[path.at(-1)!];
  }
  return next;
}

/** The config schema with a locked connector's top-level secrets required, so the form asks for them. */
export function requiringLockedSecrets(jsonSchema: Record<string, unknown>, lock: ConnectorSecretsLock | null): Record<string, unknown> {
  const names = (lock?.fields ?? []).filter((path) => path.length === 1).map(([name]) => name!);
  if (names.length === 0) return jsonSchema;
  const required = Array.isArray(jsonSchema.required) ? (jsonSchema.required as unknown[]) : [];
  return { ...jsonSchema, required: [...new Set([...required, ...names])] };
}

function propertiesOf(schema: unknown): Record<string, unknown> | undefined {
  return isRecord(schema) && isRecord(schema.properties) ? schema.properties : undefined;
}
