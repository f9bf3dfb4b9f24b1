import { z } from "zod";

/**
 * `GET /api/v1/openapi.json`: the API described as OpenAPI 3.1, generated on the server from the
 * route table's own schemas. This is the part of OpenAPI the generator writes and the API reference
 * page reads; objects are loose, so whatever else a document holds passes through.
 */

/** A JSON Schema (draft 2020-12, OpenAPI 3.1's dialect), kept open: the reference page walks it. */
export const OpenApiJsonSchema = z.record(z.string(), z.unknown());
export type OpenApiJsonSchema = z.infer<typeof OpenApiJsonSchema>;

/** Who may call an operation, as the route declares it (`x-relay-access`). */
export const OpenApiAccess = z.enum(["public", "member", "admin"]).describe("`public`: anyone; `member`: any member or API token; `admin`: admins and owners");
export type OpenApiAccess = z.infer<typeof OpenApiAccess>;

export const OpenApiParameter = z.looseObject({
  name: z.string(),
  in: z.enum(["path", "query", "header", "cookie"]),
  required: z.boolean().optional(),
  description: z.string().optional(),
  schema: OpenApiJsonSchema.optional(),
});
export type OpenApiParameter = z.infer<typeof OpenApiParameter>;

const OpenApiMediaTypes = z.record(z.string(), z.looseObject({ schema: OpenApiJsonSchema.optional() }));

export const OpenApiRequestBody = z.looseObject({
  required: z.boolean().optional(),
  description: z.string().optional(),
  content: OpenApiMediaTypes,
});
export type OpenApiRequestBody = z.infer<typeof OpenApiRequestBody>;

export const OpenApiResponse = z.looseObject({
  description: z.string(),
  content: OpenApiMediaTypes.optional(),
});
export type OpenApiResponse = z.infer<typeof OpenApiResponse>;

export const OpenApiOperation = z.looseObject({
  operationId: z.string(),
  summary: z.string().optional(),
  description: z.string().optional(),
  tags: z.array(z.string()),
  parameters: z.array(OpenApiParameter).optional(),
  requestBody: OpenApiRequestBody.optional(),
  responses: z.record(z.string(), OpenApiResponse),
  security: z.array(z.record(z.string(), z.array(z.string()))).optional(),
  "x-relay-access": OpenApiAccess,
});
export type OpenApiOperation = z.infer<typeof OpenApiOperation>;

export const OpenApiMethod = z.enum(["get", "post", "put", "delete"]);
export type OpenApiMethod = z.infer<typeof OpenApiMethod>;

export const OpenApiDocument = z.looseObject({
  openapi: z.string().describe("`3.1.0`"),
  info: z.looseObject({ title: z.string(), version: z.string(), description: z.string().optional() }),
  servers: z.array(z.looseObject({ url: z.string(), description: z.string().optional() })),
  tags: z.array(z.looseObject({ name: z.string(), description: z.string().optional() })),
  paths: z.record(z.string(), z.partialRecord(OpenApiMethod, OpenApiOperation)),
  components: z.looseObject({
    schemas: z.record(z.string(), OpenApiJsonSchema),
    securitySchemes: z.record(z.string(), z.looseObject({ type: z.string(), description: z.string().optional() })),
  }),
});
export type OpenApiDocument = z.infer<typeof OpenApiDocument>;
