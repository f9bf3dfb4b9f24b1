import { z } from "zod";
import { ApiErrorResponseBody, type OpenApiDocument, type OpenApiOperation, type OpenApiRequestBody, type OpenApiResponse } from "@/lib/contract";
import { SESSION_COOKIE } from "../auth/session-cookie";
import type { RouteDoc } from "../define-route";
import { API_ALIAS_BASE, API_BASE } from "./api-base";
import type { ApiRoute } from "./api-route";
import { openApiPath, operationIdFor, pathParameterNames, tagFor } from "./openapi-names";
import { parametersFor, schemaFor, type ComponentSchemas } from "./openapi-schemas";
import { apiRoutes } from "./routes";

const ERROR_SCHEMA = "ApiError";
const CREDENTIALS: Array<Record<string, string[]>> = [{ apiToken: [] }, { sessionCookie: [] }];

/**
 * The API as an OpenAPI 3.1 document, generated from the route table: each row's method and path,
 * and the schemas its `defineRoute` parses with (path parameters, query, JSON body or upload, and
 * the success answer: its JSON schema, or the media type of a CSV or text one), its access level,
 * summary and area. Nothing is written by hand, so a route added to the table is documented as it
 * lands.
 * @example const doc = buildOpenApiDocument(apiRoutes); doc.paths["/connection/connectors/{uuid}"].get
 */
export function buildOpenApiDocument(routes: readonly ApiRoute[]): OpenApiDocument {
  const components: ComponentSchemas = { [ERROR_SCHEMA]: withoutDialect(z.toJSONSchema(ApiErrorResponseBody, { target: "draft-2020-12", io: "output" })) };
  const paths: OpenApiDocument["paths"] = {};
  const tags: string[] = [];
  for (const { method, path, handler } of routes) {
    const operation = operationFor(method, path, handler.doc, components);
    for (const tag of operation.tags) if (!tags.includes(tag)) tags.push(tag);
    (paths[openApiPath(path)] ??= {})[method.toLowerCase() as Lowercase<typeof method>] = operation;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Relay API",
      version: "1",
      description:
        "Relay's HTTP API, mirroring Cargo's resource paths. Served under /api/v1 and, for clients written for Cargo's base URL, under /v1. " +
        "Send an API token as `Authorization: Bearer relay_…` (Settings → API tokens); the app's own pages use the session cookie. " +
        "Every error answers `{errorMessage, reason?, problems?}`.",
    },
    servers: [
      { url: API_BASE, description: "The API's own base path" },
      { url: API_ALIAS_BASE, description: "The same API under Cargo's base path" },
    ],
    tags: tags.map((name) => ({ name })),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        apiToken: { type: "http", scheme: "bearer", bearerFormat: "relay_…", description: "An API token of the workspace (Settings → API tokens)" },
        sessionCookie: { type: "apiKey", in: "cookie", name: SESSION_COOKIE, description: "The signed-in browser's session; writes must come from the app's own pages" },
      },
    },
  };
}

let cached: OpenApiDocument | undefined;

/** The document for this process's route table, built on first use: the table does not change while the process runs. */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument(apiRoutes);
  return cached;
}

function operationFor(method: ApiRoute["method"], path: string, doc: RouteDoc | undefined, components: ComponentSchemas): OpenApiOperation {
  const operationId = operationIdFor(method, path);
  const access = doc?.access ?? "member";
  const parameters = [
    ...parametersFor("path", doc?.params, `${operationId}Params`, components, pathParameterNames(path)),
    ...parametersFor("query", doc?.query, `${operationId}Query`, components),
  ];
  const requestBody: OpenApiRequestBody | undefined = doc?.body
    ? { required: true, content: { "application/json": { schema: schemaFor(doc.body, `${operationId}Body`, components) } } }
    : doc?.upload
      ? { required: true, content: { "multipart/form-data": { schema: { type: "object", description: "The upload's form fields, as the operation's description says" } } } }
      : undefined;
  const success = doc?.responseContentType
    ? { [doc.responseContentType]: { schema: { type: "string" } } }
    : { "application/json": { schema: doc?.response ? schemaFor(doc.response, `${operationId}Response`, components, "output") : { type: "object" } } };
  const responses: Record<string, OpenApiResponse> = {
    "200": { description: "Success", content: success },
    ...(parameters.length > 0 || requestBody ? { "400": errorResponse("The input does not match its schema; `problems` lists each problem with its path") } : {}),
    ...(access !== "public" && { "401": errorResponse("No valid session cookie or API token") }),
    ...(access === "admin" && { "403": errorResponse("Only the workspace's admins and owners may do this") }),
    "4XX": errorResponse("Refused: not found, a conflict, a body over the size limit, a host or origin the app does not answer to…"),
    "5XX": errorResponse("Something went wrong on the server (the error was logged)"),
  };
  return {
    operationId,
    ...(doc?.summary && { summary: doc.summary }),
    ...(doc?.description && { description: doc.description }),
    tags: [tagFor(path)],
    ...(parameters.length > 0 && { parameters }),
    ...(requestBody && { requestBody }),
    responses,
    ...(access !== "public" && { security: CREDENTIALS }),
    "x-relay-access": access,
  };
}

function errorResponse(description: string): OpenApiResponse {
  return { description, content: { "application/json": { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA}` } } } };
}

function withoutDialect(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}
