import { z } from "zod";

/** What an integration server answers with any non-2xx status. */
export const IntegrationErrorBody = z.looseObject({
  errorMessage: z.string().describe("Why the call failed"),
});
export type IntegrationErrorBody = z.infer<typeof IntegrationErrorBody>;
