import { queryOptions } from "@tanstack/react-query";
import { TemplateListResponseBody, TemplateResponseBody } from "@/lib/contract";
import { apiFetch } from "./api-fetch";

export const templateKeys = {
  all: ["templates"] as const,
  lists: () => [...templateKeys.all, "list"] as const,
  detail: (slug: string) => [...templateKeys.all, "detail", slug] as const,
};

/** Templates ship with the app: they change only with a new version, so they never go stale. */
export const templateQueries = {
  list: () =>
    queryOptions({
      queryKey: templateKeys.lists(),
      queryFn: ({ signal }) => apiFetch(TemplateListResponseBody, "/api/v1/orchestration/templates/list", { signal }),
      staleTime: Infinity,
    }),
  detail: (slug: string) =>
    queryOptions({
      queryKey: templateKeys.detail(slug),
      queryFn: ({ signal }) => apiFetch(TemplateResponseBody, `/api/v1/orchestration/templates/${encodeURIComponent(slug)}`, { signal }),
      staleTime: Infinity,
    }),
};
