import { z } from "zod";
import { LegacyConnectorRef } from "./connector-ref";
import { ConfigSchema, ConfigValues } from "./json-schema";

/** `POST /dynamicSchemas/:slug`: the sub-form a `DynamicSchemaWidget` field renders. */
export const DynamicSchemaRequestBody = z.looseObject({
  connectorConfig: ConfigValues.describe("Connector config, secrets decrypted"),
  params: ConfigValues.describe("Resolved `ui:options.params` of the field"),
});
export type DynamicSchemaRequestBody = z.infer<typeof DynamicSchemaRequestBody>;

/** `POST /getDynamicSchema` of the legacy layout. */
export const LegacyDynamicSchemaRequestBody = z.looseObject({
  connector: LegacyConnectorRef,
  slug: z.string().describe("Dynamic schema slug from the manifest"),
  params: ConfigValues.describe("Resolved `ui:options.params` of the field"),
});
export type LegacyDynamicSchemaRequestBody = z.infer<typeof LegacyDynamicSchemaRequestBody>;

/** The sub-form: a JSON Schema and its uiSchema. */
export const DynamicSchemaResponseBody = ConfigSchema;
export type DynamicSchemaResponseBody = z.infer<typeof DynamicSchemaResponseBody>;
