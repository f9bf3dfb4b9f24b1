import { z } from "zod";
import { IsoDateTime, Uuid } from "./common";

export const ManifestLayout = z
  .enum(["seed", "legacy"])
  .describe("`seed`: the documented layout; `legacy`: the older dummy-integration layout");
export type ManifestLayout = z.infer<typeof ManifestLayout>;

/** A registered integration server, as Cargo's custom-integration docs describe it plus the state of its manifest. */
export const CustomIntegration = z.object({
  uuid: Uuid,
  workspaceUuid: Uuid,
  kind: z.literal("external").describe("Only externally hosted servers are supported"),
  baseUrl: z.url().describe("Where the integration server listens"),
  slug: z.string().describe("Integration slug, derived from the manifest name; stable across refreshes"),
  name: z.string().describe("The manifest's name when last fetched"),
  layout: ManifestLayout.nullable(),
  manifestFetchedAt: IsoDateTime.nullable().describe("When the manifest was last fetched successfully"),
  manifestError: z.string().nullable().describe("Why the last fetch failed, if it did"),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type CustomIntegration = z.infer<typeof CustomIntegration>;

export const CreateCustomIntegrationRequestBody = z.object({
  kind: z.literal("external"),
  baseUrl: z.url({ protocol: /^https?$/ }).describe("http(s) URL of the integration server"),
});
export type CreateCustomIntegrationRequestBody = z.infer<typeof CreateCustomIntegrationRequestBody>;

export const CustomIntegrationListResponseBody = z.object({
  customIntegrations: z.array(CustomIntegration),
});
export type CustomIntegrationListResponseBody = z.infer<typeof CustomIntegrationListResponseBody>;

export const UpdateCustomIntegrationRequestBody = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }).describe("New http(s) URL; the manifest is fetched and validated first"),
});
export type UpdateCustomIntegrationRequestBody = z.infer<typeof UpdateCustomIntegrationRequestBody>;

/** Seed 000 shows the key `connector` on get; both keys carry the same object. */
export const CustomIntegrationResponseBody = z.object({
  customIntegration: CustomIntegration,
  connector: CustomIntegration.optional(),
});
export type CustomIntegrationResponseBody = z.infer<typeof CustomIntegrationResponseBody>;

export const PreviewCustomIntegrationRequestBody = CreateCustomIntegrationRequestBody;
