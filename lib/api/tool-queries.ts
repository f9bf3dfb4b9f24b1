import { queryOptions } from "@tanstack/react-query";
import { ToolListResponseBody, ToolResponseBody } from "@/lib/contract";
import { apiFetch } from "./api-fetch";

export const toolKeys = {
  all: ["tools"] as const,
  lists: () => [...toolKeys.all, "list"] as const,
  detail: (uuid: string) => [...toolKeys.all, "detail", uuid] as const,
};

export const TOOLS = "/api/v1/orchestration/tools";

export const toolQueries = {
  list: () => queryOptions({ queryKey: toolKeys.lists(), queryFn: ({ signal }) => apiFetch(ToolListResponseBody, `${TOOLS}/list`, { signal }) }),
  detail: (uuid: string) =>
    queryOptions({ queryKey: toolKeys.detail(uuid), queryFn: ({ signal }) => apiFetch(ToolResponseBody, `${TOOLS}/${encodeURIComponent(uuid)}`, { signal }) }),
};
