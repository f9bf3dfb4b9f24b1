"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { startTransition, useCallback, useMemo, useOptimistic } from "react";
import type { IntegrationListQuery } from "@/lib/contract";
import { isCategory } from "./category-labels";

export type CatalogFilters = Pick<IntegrationListQuery, "search" | "category" | "hasActions" | "hasExtractors">;

type FilterKey = "search" | "category" | "hasActions" | "hasExtractors";

type FilterPatch = Partial<Record<FilterKey, string | undefined>>;

/**
 * The catalog's filters live in the URL (`?search&category&hasActions&hasExtractors`) so a
 * filtered view can be shared and survives a reload. Values the API would refuse are ignored.
 * A change shows at once (optimistically) while the URL catches up, so a checkbox never flips back.
 */
export function useCatalogFilters() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();

  const [query, setOptimisticQuery] = useOptimistic(searchParams.toString());
  const filters = useMemo(() => parseFilters(new URLSearchParams(query)), [query]);

  const setFilters = useCallback(
    (patch: FilterPatch) => {
      const next = new URLSearchParams(query);
      for (const [key, value] of Object.entries(patch)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      const nextQuery = next.toString();
      startTransition(() => {
        setOptimisticQuery(nextQuery);
        router.replace(nextQuery ? `${pathname}?${nextQuery}` : pathname, { scroll: false });
      });
    },
    [pathname, query, router, setOptimisticQuery],
  );

  const clearFilters = useCallback(() => setFilters({ search: undefined, category: undefined, hasActions: undefined, hasExtractors: undefined }), [setFilters]);

  return { filters, setFilters, clearFilters };
}

function parseFilters(params: URLSearchParams): CatalogFilters {
  const flag = (key: string) => {
    const value = params.get(key);
    return value === "true" || value === "false" ? value : undefined;
  };
  const category = params.get("category");
  return {
    search: params.get("search")?.trim() || undefined,
    category: isCategory(category) ? category : undefined,
    hasActions: flag("hasActions"),
    hasExtractors: flag("hasExtractors"),
  };
}
