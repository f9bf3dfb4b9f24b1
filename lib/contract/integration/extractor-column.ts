import { z } from "zod";

export const ExtractorColumnType = z
  .enum(["string", "number", "object", "array", "date", "boolean", "vector", "any"])
  .describe("Type of a column's values");
export type ExtractorColumnType = z.infer<typeof ExtractorColumnType>;

/** A column of the data model an extractor fills. */
export const ExtractorColumn = z.looseObject({
  slug: z.string().describe("Key of the column in each record"),
  type: ExtractorColumnType,
  label: z.string().describe("Display name"),
  description: z.string().optional(),
});
export type ExtractorColumn = z.infer<typeof ExtractorColumn>;
