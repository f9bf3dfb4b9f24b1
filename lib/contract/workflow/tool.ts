import { z } from "zod";
import { IsoDateTime, Uuid } from "../api/common";
import { DeployedReleaseSummary, FormFields } from "./release";
import { Run } from "./run";

const ToolName = z.string().trim().min(1, "Name is required").max(120, "Name is at most 120 characters");
const ToolDescription = z.string().max(2000, "A description is at most 2000 characters");

/** A tool's signed webhook: where to POST and which secret signs (only its last characters: the secret is shown once). */
export const ToolWebhook = z.object({
  enabled: z.boolean().describe("Whether signed POSTs to `url` run the tool"),
  url: z.string().describe("The path to POST to, under the app's address: `/api/v1/hooks/tools/<uuid>`"),
  secretHint: z.string().nullable().describe("The secret's last 4 characters, to tell secrets apart; null before the first rotation"),
});
export type ToolWebhook = z.infer<typeof ToolWebhook>;

/**
 * A workflow with a name and a form: its page runs the deployed release with the form's answers
 * as the run's data, and a signed webhook can run it too. One tool per workflow.
 */
export const Tool = z.object({
  uuid: Uuid,
  workspaceUuid: Uuid,
  workflowUuid: Uuid,
  workflowName: z.string().describe("The workflow's name, for lists"),
  name: ToolName,
  description: z.string(),
  deployedRelease: DeployedReleaseSummary.nullable().describe("What the tool runs; null until the workflow is deployed"),
  formFields: FormFields.describe("The deployed release's form (empty when not deployed): what a run asks for, by slug in the run's data"),
  webhook: ToolWebhook,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Tool = z.infer<typeof Tool>;

/** `POST /orchestration/tools`: a tool over a workflow that has none yet. */
export const CreateToolRequestBody = z.strictObject({
  workflowUuid: Uuid.describe("The workflow it runs (its deployed release); 409 `toolExists` when it has a tool already"),
  name: ToolName,
  description: ToolDescription.default(""),
});
export type CreateToolRequestBody = z.input<typeof CreateToolRequestBody>;

/** `PUT /orchestration/tools/:uuid`: what is given changes. */
export const UpdateToolRequestBody = z.strictObject({ name: ToolName.optional(), description: ToolDescription.optional() });
export type UpdateToolRequestBody = z.infer<typeof UpdateToolRequestBody>;

/** `POST /orchestration/tools/:uuid/run`: the form's answers, checked against the deployed release's form fields. */
export const RunToolRequestBody = z.strictObject({
  data: z.record(z.string(), z.unknown()).default({}).describe("The answers by field slug: the run's data"),
  waitUntilFinished: z.boolean().optional().describe("Answer once the run has finished (at most 60 s), as `?waitUntilFinished=true`"),
});
export type RunToolRequestBody = z.input<typeof RunToolRequestBody>;

export const ToolResponseBody = z.object({ tool: Tool });
export type ToolResponseBody = z.infer<typeof ToolResponseBody>;

export const ToolListResponseBody = z.object({ tools: z.array(Tool) });
export type ToolListResponseBody = z.infer<typeof ToolListResponseBody>;

/** A new webhook secret: answered once, by the rotation that made it, never again. */
export const ToolWebhookSecretResponseBody = z.object({
  tool: Tool,
  secret: z.string().describe("Signs `X-Relay-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, \"<t>.<raw body>\")>`; shown only now"),
});
export type ToolWebhookSecretResponseBody = z.infer<typeof ToolWebhookSecretResponseBody>;

/** `POST /hooks/tools/:uuid`: the run's uuid at once, or the run once it ended with `?waitUntilFinished=true`. */
export const ToolWebhookResponseBody = z.union([z.object({ runUuid: Uuid }), z.object({ run: Run })]);
export type ToolWebhookResponseBody = z.infer<typeof ToolWebhookResponseBody>;
