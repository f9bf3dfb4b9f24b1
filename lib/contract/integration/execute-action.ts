import { z } from "zod";
import { LegacyConnectorRef } from "./connector-ref";
import { ConfigValues } from "./json-schema";

/** `POST /actions/:slug/execute`: runs one action with a computed config. */
export const ExecuteActionRequestBody = z.looseObject({
  connectorConfig: ConfigValues.describe("Connector config, secrets decrypted"),
  actionConfig: ConfigValues.describe("Action config with expressions already evaluated"),
  meta: z.unknown().optional().describe("Opaque context from the platform"),
});
export type ExecuteActionRequestBody = z.infer<typeof ExecuteActionRequestBody>;

export const LegacyExecuteActionRequestBody = z.looseObject({
  connector: LegacyConnectorRef,
  config: ConfigValues.describe("Action config with expressions already evaluated"),
  isDryExecution: z.boolean().optional().describe("Preview run: avoid side effects"),
});
export type LegacyExecuteActionRequestBody = z.infer<typeof LegacyExecuteActionRequestBody>;

export const ActionExecuted = z.looseObject({
  outcome: z.literal("executed"),
  title: z.string().describe("One-line summary shown in the run"),
  data: z.record(z.string(), z.unknown()).optional().describe("The node's output"),
  unitsCount: z.number().nonnegative().optional().describe("Metered units used"),
  iconUrl: z.string().optional().describe("Icon shown next to the execution"),
  childIndex: z.number().int().nonnegative().optional().describe("Which declared child edge to follow"),
});
export type ActionExecuted = z.infer<typeof ActionExecuted>;

/** Not finished: the platform calls execute again on the action's `executing.retry` policy. */
export const ActionExecuting = z.looseObject({
  outcome: z.literal("executing"),
});
export type ActionExecuting = z.infer<typeof ActionExecuting>;

export const ExecuteActionResponseBody = z.discriminatedUnion("outcome", [ActionExecuted, ActionExecuting]);
export type ExecuteActionResponseBody = z.infer<typeof ExecuteActionResponseBody>;
