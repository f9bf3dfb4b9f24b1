import { z } from "zod";
import { ManifestAction } from "./manifest-action";
import { ManifestConnector, ManifestUsers } from "./manifest-connector";

/** The fields both manifest layouts share: identity, connector, users and actions. */
export const ManifestBase = z.looseObject({
  name: z.string().describe("Integration name"),
  description: z.string().describe("One-line description"),
  icon: z.string().describe("Icon, usually inline SVG markup; untrusted"),
  color: z.string().describe("Brand color, e.g. `#6366F1`"),
  url: z.string().describe("Vendor homepage"),
  connector: ManifestConnector,
  users: ManifestUsers.optional(),
  actions: z.record(z.string(), ManifestAction).describe("Actions keyed by slug"),
});
export type ManifestBase = z.infer<typeof ManifestBase>;
