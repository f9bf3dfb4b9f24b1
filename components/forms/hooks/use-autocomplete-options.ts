"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { connectorQueries, refreshAutocomplete } from "@/lib/api/connector-queries";
import type { AutocompleteResult } from "@/lib/contract";
import { filterResults } from "../autocomplete/autocomplete-option";

interface AutocompleteSource {
  connectorUuid: string;
  slug: string;
  params: Record<string, unknown>;
  /** Debounced search text sent to the server; "" lists everything. */
  search: string;
  /** What the user has typed right now, to narrow the list without waiting for the server. */
  filter: string;
  enabled: boolean;
}

/**
 * An autocomplete's options. The unsearched list (`all`) is what a stored value is checked
 * against; a search asks the server with `value` (an earlier search still in flight is aborted
 * by react-query when the key changes) and is also filtered here, for servers that ignore it.
 */
export function useAutocompleteOptions({ connectorUuid, slug, params, search, filter, enabled }: AutocompleteSource) {
  const queryClient = useQueryClient();
  const all = useQuery({ ...connectorQueries.autocomplete(connectorUuid, slug, params), enabled });
  // Once the list itself failed, typed text is a value by hand, not a search.
  const searching = enabled && !all.isError && search.trim() !== "";
  const searched = useQuery({
    ...connectorQueries.autocomplete(connectorUuid, slug, params, search),
    enabled: searching,
    placeholderData: keepPreviousData,
  });
  const source = searching ? searched : all;
  const data = source.data ?? (searching ? all.data : undefined);
  const results: AutocompleteResult[] | undefined = data && filterResults(data.results, filter);

  const refresh = useMutation({
    mutationFn: () => refreshAutocomplete(connectorUuid, slug, params, searching ? search : undefined),
    onSuccess: (answer) =>
      queryClient.setQueryData(connectorQueries.autocomplete(connectorUuid, slug, params, searching ? search : undefined).queryKey, answer),
  });

  return {
    /** The unsearched query, for checking a stored value against the current params' options. */
    all,
    results,
    isLoading: enabled && !data && source.isFetching,
    /** The list itself failed: the field takes free text until a retry succeeds. */
    failed: all.isError,
    error: all.error ?? (searching ? searched.error : null) ?? refresh.error,
    retry: () => {
      refresh.reset();
      void all.refetch();
      if (searching) void searched.refetch();
    },
    refresh: () => refresh.mutate(),
    isRefreshing: refresh.isPending,
  };
}
