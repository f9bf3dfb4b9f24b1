import { queryOptions } from "@tanstack/react-query";
import { IntegrationListResponseBody } from "@/lib/contract";
import { apiFetch } from "./api-fetch";

export const integrationKeys = {
  all: ["integrations"] as const,
  lists: () => [...integrationKeys.all, "list"] as const,
};

export const integrationQueries = {
  list: () =>
    queryOptions({
      queryKey: integrationKeys.lists(),
      queryFn: ({ signal }) => apiFetch(IntegrationListResponseBody, "/api/v1/connection/integrations/list", { signal }),
    }),
};
