import { queryOptions } from "@tanstack/react-query";
import { PlayListResponseBody, PlayResponseBody } from "@/lib/contract";
import { apiFetch } from "./api-fetch";

export const playKeys = {
  all: ["plays"] as const,
  lists: () => [...playKeys.all, "list"] as const,
  detail: (uuid: string) => [...playKeys.all, "detail", uuid] as const,
};

export const PLAYS = "/api/v1/orchestration/plays";

/** The path of one play, for reads and for its enable, disable, update and delete. */
export const playPath = (uuid: string) => `${PLAYS}/${encodeURIComponent(uuid)}`;

export const playQueries = {
  /** Every play, newest first, each with its health and last batch. */
  list: () => queryOptions({ queryKey: playKeys.lists(), queryFn: ({ signal }) => apiFetch(PlayListResponseBody, `${PLAYS}/list`, { signal }) }),
  detail: (uuid: string) => queryOptions({ queryKey: playKeys.detail(uuid), queryFn: ({ signal }) => apiFetch(PlayResponseBody, playPath(uuid), { signal }) }),
};
