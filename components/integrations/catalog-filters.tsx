"use client";

import { useId } from "react";
import type { IntegrationCategory } from "@/lib/contract";
import { Label, Select } from "@/components/ui/select";
import { CatalogSearch } from "./catalog-search";
import { categoryLabels } from "./category-labels";
import type { CatalogFilters as Filters } from "./use-catalog-filters";

interface Props {
  filters: Filters;
  /** Categories to offer, with how many integrations each holds. */
  categories: ReadonlyArray<{ category: IntegrationCategory; count: number }>;
  onChange: (patch: Partial<Record<keyof Filters, string | undefined>>) => void;
}

export function CatalogFilters({ filters, categories, onChange }: Props) {
  const categoryId = useId();
  const offered = filters.category && !categories.some((c) => c.category === filters.category)
    ? [...categories, { category: filters.category, count: 0 }]
    : categories;
  return (
    <div className="mb-6 flex flex-wrap items-end gap-x-6 gap-y-4 rounded-lg border border-border bg-surface p-4">
      <CatalogSearch value={filters.search ?? ""} onSearch={(search) => onChange({ search })} />
      <div className="w-48">
        <Label htmlFor={categoryId}>Category</Label>
        <Select id={categoryId} value={filters.category ?? ""} onChange={(event) => onChange({ category: event.target.value })}>
          <option value="">All categories</option>
          {offered.map(({ category, count }) => (
            <option key={category} value={category}>
              {categoryLabels[category]} ({count})
            </option>
          ))}
        </Select>
      </div>
      <fieldset className="flex h-9 items-center gap-5">
        <legend className="sr-only">Capabilities</legend>
        <Toggle label="Has actions" checked={filters.hasActions === "true"} onChange={(on) => onChange({ hasActions: on ? "true" : undefined })} />
        <Toggle
          label="Has extractors"
          checked={filters.hasExtractors === "true"}
          onChange={(on) => onChange({ hasExtractors: on ? "true" : undefined })}
        />
      </fieldset>
    </div>
  );
}

function Toggle({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="flex cursor-pointer items-center gap-2 text-sm font-medium select-none">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} className="size-4 accent-accent" />
      {label}
    </label>
  );
}
