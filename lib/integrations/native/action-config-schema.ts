import { z } from "zod";
import type { ConfigSchema, JsonSchema } from "@/lib/contract";

const SCALAR_TYPES = new Set(["string", "number", "integer", "boolean"]);

/**
 * A zod schema as the JSON Schema the config forms and the server's ajv read: draft-07, no
 * `$schema`; `io: "input"` so a field with a default is not required.
 */
export function toJsonSchema(schema: z.ZodType, io: "input" | "output" = "input"): JsonSchema {
  const { $schema: _, ...jsonSchema } = z.toJSONSchema(schema, { target: "draft-7", io, unrepresentable: "any" });
  return jsonSchema;
}

/**
 * The config form of an SDK action: its inputSchema as JSON Schema, and every free scalar field
 * (string, number, boolean without an enum) drawn with the ExpressionWidget, so a workflow can
 * fill it from earlier nodes.
 * @example
 * actionConfigSchema(z.object({ text: z.string() })).uiSchema // → { text: { "ui:widget": "ExpressionWidget" } }
 */
export function actionConfigSchema(inputSchema: z.ZodObject): ConfigSchema {
  const jsonSchema = toJsonSchema(inputSchema);
  const properties = (jsonSchema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const uiSchema = Object.fromEntries(
    Object.entries(properties)
      .filter(([, property]) => SCALAR_TYPES.has(property.type as string) && property.enum === undefined && property.const === undefined)
      .map(([name]) => [name, { "ui:widget": "ExpressionWidget" }]),
  );
  return { jsonSchema, uiSchema };
}
