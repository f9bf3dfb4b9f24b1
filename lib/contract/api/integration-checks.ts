import { z } from "zod";
import { ConfigValues } from "../integration/json-schema";
import { Uuid } from "./common";
import { ManifestLayout } from "./custom-integrations";

/**
 * `POST /connection/customIntegrations/check`: what to check. The server is a registration
 * (`uuid`) or any URL (`baseUrl`); the probes run with a saved connector's config (loaded on the
 * server, never sent to the browser) or one given here; `actionSlug` + `record` execute an action.
 */
export const IntegrationCheckRequestBody = z
  .object({
    uuid: Uuid.optional().describe("A custom integration to check, by its uuid"),
    baseUrl: z.url({ protocol: /^https?$/ }).optional().describe("Or any server, by its http(s) base URL"),
    connectorUuid: Uuid.optional().describe("Probe with this connector's saved config; it must belong to the checked integration"),
    config: ConfigValues.optional().describe("Or probe with this connector config"),
    actionSlug: z.string().min(1).optional().describe("Execute this action twice with one Idempotency-Key (it has effects)"),
    record: ConfigValues.optional().describe("The action's config for `actionSlug`"),
  })
  .refine((body) => body.uuid !== undefined || body.baseUrl !== undefined, { message: "Give `uuid` or `baseUrl`", path: ["uuid"] })
  .refine((body) => !(body.connectorUuid && body.config), { message: "Give `connectorUuid` or `config`, not both", path: ["config"] })
  .refine((body) => (body.actionSlug === undefined) === (body.record === undefined), { message: "`actionSlug` and `record` go together", path: ["record"] });
export type IntegrationCheckRequestBody = z.infer<typeof IntegrationCheckRequestBody>;

export const CheckSeverity = z.enum(["error", "warning", "info"]).describe("error: an operator's form, run or sync fails; warning: works badly; info: worth knowing");
export type CheckSeverity = z.infer<typeof CheckSeverity>;

/** One contract bug of an integration server. */
export const CheckFinding = z.object({
  severity: CheckSeverity,
  code: z.string().describe("Stable id of the check, e.g. `autocomplete.unknown-slug`"),
  path: z.string().describe("JSON path into the manifest, or `<capability>:<call>…` into a probe's answer"),
  message: z.string().describe("What an operator would see"),
  fix: z.string().describe("How the integration developer fixes it"),
  endpoint: z.string().optional().describe("The call that showed it, e.g. `POST /autocompletes/listObjects`"),
});
export type CheckFinding = z.infer<typeof CheckFinding>;

/** The checker's report: findings errors first, and how many of each. */
export const IntegrationCheckResponseBody = z.object({
  baseUrl: z.string().describe("The server checked"),
  layout: ManifestLayout.nullable().describe("The manifest's layout; null when none could be read"),
  probed: z.boolean().describe("Whether the endpoints were called (with a connector config)"),
  findings: z.array(CheckFinding),
  summary: z.object({ errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() }),
});
export type IntegrationCheckResponseBody = z.infer<typeof IntegrationCheckResponseBody>;
