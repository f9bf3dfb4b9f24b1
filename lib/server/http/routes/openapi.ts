import { OpenApiDocument } from "@/lib/contract";
import { defineRoute } from "../../define-route";
import { route } from "../api-route";

/** The API describing itself. */
export const openApiRoutes = [
  /** GET /api/v1/openapi.json: this API as an OpenAPI 3.1 document, generated from the route table (public, like the API's docs). */
  route(
    "GET",
    "/openapi.json",
    defineRoute(
      { summary: "This API as an OpenAPI 3.1 document, generated from the route table", access: "public", response: OpenApiDocument },
      // Loaded when asked for: the document module reads the whole table, which includes this row.
      async () => (await import("../openapi")).openApiDocument(),
    ),
  ),
];
