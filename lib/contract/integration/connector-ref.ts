import { z } from "zod";
import { ConfigValues } from "./json-schema";

/** The connector as legacy-layout request bodies carry it, credentials included. */
export const LegacyConnectorRef = z.looseObject({
  uuid: z.string().describe("Connector uuid"),
  workspaceUuid: z.string().describe("Workspace the connector belongs to"),
  config: ConfigValues.describe("Connector config, secrets decrypted"),
});
export type LegacyConnectorRef = z.infer<typeof LegacyConnectorRef>;
