/** A JSON Schema; passed through untouched, so loosely typed. */
export type JsonSchema = Record<string, unknown>;
/** An rjsf uiSchema; passed through untouched, so loosely typed. */
export type UiSchema = Record<string, unknown>;

/** A form: its JSON Schema and how rjsf should render it. */
export interface FormSchema {
  jsonSchema: JsonSchema;
  uiSchema: UiSchema;
}

/** Temporal-style retry policy; intervals in milliseconds. */
export interface RetryPolicy {
  maximumAttempts?: number;
  initialInterval?: number;
  backoffCoefficient?: number;
}

/** One entry of `manifest.actions`. */
export interface ManifestAction {
  name: string;
  description: string;
  config: FormSchema;
  executing?: { retry: RetryPolicy; withRateLimit: boolean };
  children?: Array<{ text: string }>;
}

/** One entry of `manifest.autocompletes` (keyed by slug) or `manifest.dynamicSchemas`. */
export interface ManifestParamsEntry {
  params: { jsonSchema: JsonSchema };
  cacheExpirationInSeconds?: number;
}
