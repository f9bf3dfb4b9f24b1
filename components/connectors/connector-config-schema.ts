/**
 * The connector config form as the wizard renders it: fields the manifest marks secret
 * (`format: "password"` or `writeOnly`) get the password widget even when its uiSchema forgot, and
 * so do `secretFields` a saved connector recorded as secret (a manifest may have dropped the mark).
 */
export function withSecretWidgets(
  jsonSchema: Record<string, unknown>,
  uiSchema: Record<string, unknown> = {},
  secretFields: readonly string[][] = [],
): Record<string, unknown> {
  const properties = (jsonSchema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const recorded = new Set(secretFields.filter((path) => path.length === 1).map(([name]) => name));
  const next: Record<string, unknown> = { ...uiSchema };
  for (const [key, property] of Object.entries(properties)) {
    const isSecret = property?.format === "password" || property?.writeOnly === true || recorded.has(key);
    const ui = (uiSchema[key] ?? {}) as Record<string, unknown>;
    if (isSecret && !ui["ui:widget"]) next[key] = { ...ui, "ui:widget": "password" };
  }
  return next;
}

/** `Sales CRM (EU)` → `sales_crm_eu`: a connector slug suggestion in Cargo's alphabet. */
export function suggestSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 64);
}
