import { PreviewCustomIntegrationRequestBody } from "@/lib/contract";
import { defineRoute, previewCustomIntegration } from "@/lib/server";

export const dynamic = "force-dynamic";

/** POST /api/v1/connection/customIntegrations/preview: validate a server's manifest, save nothing. */
export const POST = defineRoute({ access: "admin", body: PreviewCustomIntegrationRequestBody }, ({ deps, body }) =>
  previewCustomIntegration(deps, body.baseUrl),
);
