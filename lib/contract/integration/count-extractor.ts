import { z } from "zod";
import { LegacyConnectorRef } from "./connector-ref";
import { ConfigValues } from "./json-schema";

/** `POST /extractors/:slug/count`: the record count shown as a preview. */
export const CountExtractorRequestBody = z.looseObject({
  connectorConfig: ConfigValues.describe("Connector config, secrets decrypted"),
  extractorConfig: ConfigValues.describe("The extractor's config"),
});
export type CountExtractorRequestBody = z.infer<typeof CountExtractorRequestBody>;

/** `POST /model/count` of the legacy layout. */
export const LegacyCountModelRequestBody = z.looseObject({
  connector: LegacyConnectorRef,
  slug: z.string().describe("Object type the user picked, e.g. `product`"),
  config: ConfigValues.describe("The model's config"),
});
export type LegacyCountModelRequestBody = z.infer<typeof LegacyCountModelRequestBody>;

export const CountExtractorResponseBody = z.looseObject({
  count: z.number().int().nonnegative().describe("Number of records"),
});
export type CountExtractorResponseBody = z.infer<typeof CountExtractorResponseBody>;
