import { z } from "zod";
import { IsoDateTime, queryInteger, Uuid } from "../api/common";
import { WorkflowNodes } from "./node";

/** What a tool's form asks for in one field; the run's `data` holds the answer under the field's slug. */
export const FormFieldKind = z.enum(["string", "text", "number", "boolean", "date", "json"]);
export type FormFieldKind = z.infer<typeof FormFieldKind>;

export const FormField = z.strictObject({
  slug: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, "A field's slug is a letter or _ then letters, digits or _ (at most 64)")
    .describe("The key of the answer in the run's data (`{{nodes.start.<slug>}}`)"),
  name: z.string().trim().min(1, "A field needs a name").max(120),
  kind: FormFieldKind,
  description: z.string().max(500).optional(),
  isRequired: z.boolean().default(false),
});
export type FormField = z.infer<typeof FormField>;

export const FormFields = z
  .array(FormField)
  .max(50, "At most 50 form fields")
  .superRefine((fields, ctx) => {
    const seen = new Set<string>();
    fields.forEach((field, index) => {
      if (seen.has(field.slug)) ctx.addIssue({ code: "custom", path: [index, "slug"], message: `Two form fields use the slug "${field.slug}"` });
      seen.add(field.slug);
    });
  });

export const ReleaseVersion = z.string().regex(/^(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})$/, "A version is three numbers, such as 1.0.2");

/**
 * An immutable snapshot of a workflow's graph and form, deployed. The workflow's own graph is
 * the draft: editing it changes nothing that runs unattended (tools, plays) until the next deploy.
 * The workflow's newest release is `deployed`; earlier ones are `superseded`, and deploying one of
 * them again (a rollback) makes a new release with its graph.
 */
export const Release = z.object({
  uuid: Uuid,
  parentUuid: Uuid.nullable().describe("The release this one was redeployed from (a rollback), else null"),
  workspaceUuid: Uuid,
  userUuid: Uuid.nullable().describe("Who deployed it; null for an API token or the system"),
  workflowUuid: Uuid,
  description: z.string(),
  version: ReleaseVersion,
  status: z.enum(["deployed", "superseded"]),
  templateSlug: z.string().nullable(),
  nodes: WorkflowNodes.describe("The full graph as deployed"),
  formFields: FormFields,
  testRecords: z.array(z.object({ kind: z.string(), id: z.string(), data: z.record(z.string(), z.unknown()) })).describe("Always empty here"),
  deployedAt: IsoDateTime,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  deletedAt: IsoDateTime.nullable(),
});
export type Release = z.infer<typeof Release>;

/** What a workflow says of its deployed release. */
export const DeployedReleaseSummary = Release.pick({ uuid: true, version: true, description: true, deployedAt: true });
export type DeployedReleaseSummary = z.infer<typeof DeployedReleaseSummary>;

/** `POST /orchestration/releases/deployDraft`: the draft (or the graph given) validated and deployed. */
export const DeployDraftRequestBody = z.strictObject({
  workflowUuid: Uuid,
  version: ReleaseVersion.optional().describe("Default: the latest version with its last number plus one (1.0.0 first)"),
  description: z.string().max(2000).default(""),
  nodes: WorkflowNodes.optional().describe("Default: the workflow's saved graph (its draft)"),
  formFields: FormFields.optional().describe("Default: the workflow's draft form fields"),
});
export type DeployDraftRequestBody = z.input<typeof DeployDraftRequestBody>;

/** `POST /orchestration/releases/:uuid/redeploy`: a rollback, as a new release with that one's graph. */
export const RedeployReleaseRequestBody = z.strictObject({
  version: ReleaseVersion.optional(),
  description: z.string().max(2000).optional().describe("Default: “Rollback to <version>”"),
});
export type RedeployReleaseRequestBody = z.input<typeof RedeployReleaseRequestBody>;

export const ReleaseResponseBody = z.object({ release: Release });
export type ReleaseResponseBody = z.infer<typeof ReleaseResponseBody>;

export const ReleaseListQuery = z.object({ workflowUuid: Uuid, limit: queryInteger(1, 200).default(50) });
export type ReleaseListQuery = z.infer<typeof ReleaseListQuery>;

export const ReleaseListResponseBody = z.object({ releases: z.array(Release) });
export type ReleaseListResponseBody = z.infer<typeof ReleaseListResponseBody>;

export const DeployedReleaseQuery = z.object({ workflowUuid: Uuid });
export type DeployedReleaseQuery = z.infer<typeof DeployedReleaseQuery>;
