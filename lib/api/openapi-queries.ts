import { queryOptions } from "@tanstack/react-query";
import { OpenApiDocument } from "@/lib/contract";
import { apiFetch } from "./api-fetch";

/** Where the API describes itself; also linked raw from the API reference page. */
export const OPENAPI_DOCUMENT_PATH = "/api/v1/openapi.json";

export const openApiKeys = {
  all: ["openapi"] as const,
  document: () => [...openApiKeys.all, "document"] as const,
};

/** The document changes only with a new version of the app, so it never goes stale in a page's life. */
export const openApiQueries = {
  document: () =>
    queryOptions({
      queryKey: openApiKeys.document(),
      queryFn: ({ signal }) => apiFetch(OpenApiDocument, OPENAPI_DOCUMENT_PATH, { signal }),
      staleTime: Infinity,
    }),
};
