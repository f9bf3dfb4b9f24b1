import { z } from "zod";

export const HealthResponseBody = z.object({
  status: z.enum(["ok", "degraded"]).describe("`degraded` when a dependency check failed"),
  version: z.string().describe("The app's version"),
  database: z.object({
    dialect: z.enum(["sqlite", "postgres"]),
    ok: z.boolean(),
    migrations: z.number().int().describe("Applied migrations"),
  }),
  workspaceUuid: z.string().optional().describe("The workspace this request acts in, when it carries credentials"),
});
export type HealthResponseBody = z.infer<typeof HealthResponseBody>;
