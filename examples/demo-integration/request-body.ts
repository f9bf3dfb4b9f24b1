/**
 * A request body read in either layout. The platform may send the seed's field names
 * (`connectorConfig`, `actionConfig`, ...) and the older ones (`connector.config`, `config`) side by side.
 */
export interface ContractBody {
  /** `connector.uuid` of the older shape, which the platform sends beside the seed's fields; "" when absent. */
  connectorUuid: string;
  connectorConfig: Record<string, unknown>;
  /** `actionConfig ?? extractorConfig ?? config`. */
  config: Record<string, unknown>;
  params: Record<string, unknown>;
  meta: unknown;
  value: unknown;
  /** Layout A names the autocomplete, dynamic schema or model slug in the body. */
  slug: unknown;
  isDry: boolean;
  code: unknown;
  redirectUri: unknown;
}

/** Reads the fields every route may need from a body of either layout. */
export function readContractBody(raw: Record<string, unknown>): ContractBody {
  const connector = asObject(raw.connector);
  const params = asObject(raw.params);
  return {
    connectorUuid: typeof connector.uuid === "string" ? connector.uuid : "",
    connectorConfig: asObject(raw.connectorConfig ?? connector.config),
    config: asObject(raw.actionConfig ?? raw.extractorConfig ?? raw.config),
    params,
    meta: raw.meta,
    value: raw.value,
    slug: raw.slug,
    isDry: raw.isDryExecution === true || raw.isDryFetch === true,
    code: raw.code ?? params.code,
    redirectUri: raw.redirectUri ?? params.redirectUri ?? params.redirect_uri,
  };
}

/** The value if it is a plain object, else an empty one. */
export function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
