"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { AutocompleteResponseBody } from "@/lib/contract";
import { sameValue } from "../autocomplete/autocomplete-option";

/**
 * Clears an autocomplete's value once the options for NEW params have loaded and do not hold it.
 * The first options a mounted widget sees never clear anything: reopening a saved config keeps
 * its value even when the server no longer lists it (the widget shows it as a custom value).
 */
export function useClearStaleValue(
  all: UseQueryResult<AutocompleteResponseBody>,
  paramsKey: string,
  value: unknown,
  onChange: (value: unknown) => void,
): void {
  const checkedKey = useRef<string | null>(null);
  useEffect(() => {
    if (!all.isSuccess || checkedKey.current === paramsKey) return;
    const firstLoad = checkedKey.current === null;
    checkedKey.current = paramsKey;
    if (firstLoad || value === undefined || value === null || value === "") return;
    if (!all.data.results.some((result) => sameValue(result.value, value))) onChange(undefined);
  }, [all.isSuccess, all.data, paramsKey, value, onChange]);
}
