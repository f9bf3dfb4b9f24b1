import { z } from "zod";
import { Uuid } from "../api/common";
import { WorkflowNodes } from "./node";
import { FormFields } from "./release";

/**
 * What a template's connector nodes hold in `connectorUuid` until it is used: this prefix, a colon
 * and the integration's slug (`__REPLACE_WITH_CONNECTOR_UUID__:demo_crm`), as Cargo's templates do.
 * Using the template puts the chosen connector of that integration in its place.
 */
export const CONNECTOR_PLACEHOLDER_PREFIX = "__REPLACE_WITH_CONNECTOR_UUID__";

/** The placeholder a template's node of `integrationSlug` holds instead of a connector uuid. */
export function connectorPlaceholder(integrationSlug: string): string {
  return `${CONNECTOR_PLACEHOLDER_PREFIX}:${integrationSlug}`;
}

/** A tool runs on demand from its form; a play runs for the records of a model as they change. */
export const TemplateKind = z.enum(["tool", "play"]);
export type TemplateKind = z.infer<typeof TemplateKind>;

/** One integration a template needs a connector of. */
export const TemplateIntegration = z.object({
  integrationSlug: z.string().min(1).describe("The integration whose connector fills its nodes' placeholders"),
  name: z.string().describe("What to call it when asking for a connector"),
  purpose: z.string().describe("What the template does with it"),
});
export type TemplateIntegration = z.infer<typeof TemplateIntegration>;

/** What a play template is meant to watch; plays are set up by hand from it for now. */
export const PlayHint = z.object({
  model: z.string().describe("The records it is meant for, e.g. the demo CRM's companies"),
  segment: z.string().describe("The segment it suits, in words"),
  changeKinds: z.array(z.enum(["added", "updated", "removed"])).describe("Which segment changes should start a run"),
  schedule: z.string().optional().describe("When it should look, in words, if not on every change"),
});
export type PlayHint = z.infer<typeof PlayHint>;

/** A ready-made workflow: its graph with connector placeholders, and for a tool its form. */
export const Template = z.object({
  slug: z.string().describe("Stable id of the template"),
  name: z.string(),
  description: z.string().describe("What it is for, in a sentence or two"),
  kind: TemplateKind,
  category: z.string().describe("Shelf in the gallery: CRM, HTTP, Messaging, AI"),
  tags: z.array(z.string()),
  integrations: z.array(TemplateIntegration).describe("The connectors it needs, one per integration; empty when it needs none"),
  nodes: WorkflowNodes.describe("The graph; connector nodes hold connectorPlaceholder(integrationSlug)"),
  formFields: FormFields.describe("A tool's form; empty for a play"),
  playHint: PlayHint.nullable().describe("For a play: what it is meant to watch; null for a tool"),
});
export type Template = z.infer<typeof Template>;

/** A template in the gallery: everything but the graph. */
export const TemplateSummary = Template.omit({ nodes: true }).extend({ nodesCount: z.number().int() });
export type TemplateSummary = z.infer<typeof TemplateSummary>;

export const TemplateListResponseBody = z.object({ templates: z.array(TemplateSummary) });
export type TemplateListResponseBody = z.infer<typeof TemplateListResponseBody>;

export const TemplateResponseBody = z.object({ template: Template });
export type TemplateResponseBody = z.infer<typeof TemplateResponseBody>;

/** `POST /orchestration/templates/:slug/use`: makes a workflow of the template with these connectors. */
export const UseTemplateRequestBody = z.strictObject({
  name: z.string().trim().min(1, "Name is required").max(120, "Name is at most 120 characters").optional().describe("Default: the template's name"),
  connectorUuidsByIntegrationSlug: z
    .record(z.string(), Uuid)
    .default({})
    .describe("For each integration the template needs, the connector of this workspace to use"),
});
export type UseTemplateRequestBody = z.input<typeof UseTemplateRequestBody>;
